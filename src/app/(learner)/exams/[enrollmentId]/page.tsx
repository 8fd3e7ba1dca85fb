import Link from "next/link";
import { notFound } from "next/navigation";
import { AttemptHistory } from "@/components/exams/attempt-history";
import { ExamRules } from "@/components/exams/exam-rules";
import { ExamStatusPanel } from "@/components/exams/exam-status-panel";
import { requireLearner } from "@/server/auth/session";
import { findExamOverview } from "@/server/exams/find-exam-overview";

export const metadata = { title: "课程考试" };

export default async function ExamPage({ params }: { params: Promise<{ enrollmentId: string }> }) {
  const learner = await requireLearner();
  const { enrollmentId } = await params;
  const overview = await findExamOverview(learner.id, enrollmentId);
  if (!overview) notFound();

  return (
    <article className="space-y-6">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href={`/courses/${overview.course.id}`} className="hover:underline">
          {overview.course.title}
        </Link>{" "}
        / <span>课程考试</span>
      </nav>
      <header className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <p className="text-sm text-slate-600">课程考试</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{overview.course.title}</h1>
        <p className="mt-2 text-slate-700">
          通过考试取得 <strong className="text-brand-800">{overview.course.credits}</strong> 学分
        </p>
        <div className="mt-5">
          <ExamStatusPanel overview={overview} />
        </div>
      </header>
      <ExamRules course={overview.course} />
      <AttemptHistory enrollmentId={overview.enrollment.id} attempts={overview.attempts} />
    </article>
  );
}
