import Link from "next/link";
import type { AttemptView } from "@/server/exams/find-attempt-for-learner";
import type { ExamOverview } from "@/server/exams/find-exam-overview";
import { GradedQuestion } from "./graded-question";
import { StartExamButton } from "./start-exam-button";

type GradedView = Exclude<AttemptView, { status: "IN_PROGRESS" }>;

const LINK = "inline-block rounded-lg px-5 py-2.5 font-medium";

function NextStep({ view, overview }: { view: GradedView; overview: ExamOverview | null }) {
  const enrollmentId = view.enrollmentId;
  if (view.passed || !overview || overview.enrollment.status === "CREDITED") {
    return (
      <div className="flex flex-wrap gap-3">
        <Link href="/" className={`${LINK} bg-brand-700 text-white hover:bg-brand-800`}>
          返回首页查看学分
        </Link>
        <Link href="/records" className={`${LINK} text-brand-800 ring-1 ring-brand-200 hover:bg-brand-50`}>
          学分记录
        </Link>
      </div>
    );
  }
  if (overview.openAttempt) {
    return (
      <Link
        href={`/exams/${enrollmentId}/attempts/${overview.openAttempt.id}`}
        className={`${LINK} bg-brand-700 text-white`}
      >
        继续考试
      </Link>
    );
  }
  if (overview.start.ok) {
    return (
      <div className="space-y-2">
        <p className="text-slate-700">
          本轮还可考 <strong>{overview.attemptsLeft}</strong> 次。
        </p>
        <StartExamButton enrollmentId={enrollmentId} label="再考一次" />
      </div>
    );
  }
  if (overview.start.reason === "RESTUDY_REQUIRED") {
    return (
      <div className="space-y-3">
        <p className="font-medium text-amber-900">
          您已用完本轮 {overview.course.maxAttempts} 次考试机会，须重新学习本课程（学习进度已重置）后再参加考试。
        </p>
        <Link href={`/learn/${enrollmentId}`} className={`${LINK} bg-brand-700 text-white hover:bg-brand-800`}>
          重新学习
        </Link>
      </div>
    );
  }
  return (
    <Link href={`/exams/${enrollmentId}`} className={`${LINK} text-brand-800 ring-1 ring-brand-200`}>
      返回考试首页
    </Link>
  );
}

/** 考试结果: the score, passed or not, which answers were wrong, and the key once revealed. */
export function AttemptResult({ view, overview }: { view: GradedView; overview: ExamOverview | null }) {
  const correct = view.questions.filter((q) => q.answeredCorrectly).length;
  return (
    <article className="space-y-6">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href={`/exams/${view.enrollmentId}`} className="hover:underline">
          {view.course.title}
        </Link>{" "}
        / <span>第 {view.number} 次考试结果</span>
      </nav>
      <section
        aria-labelledby="result-heading"
        className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6"
      >
        <h1 id="result-heading" className="text-2xl font-semibold text-slate-900">
          考试结果
        </h1>
        <p className="mt-1 text-sm text-slate-600">{view.course.title}</p>
        <p className="mt-4 flex flex-wrap items-baseline gap-3">
          <span className="text-4xl font-bold tabular-nums text-slate-900">{view.score} 分</span>
          <span
            className={`rounded-full px-3 py-1 text-sm font-semibold ${view.passed ? "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200" : "bg-red-50 text-red-800 ring-1 ring-red-200"}`}
          >
            {view.passed ? "考试通过" : "未通过"}
          </span>
        </p>
        <p className="mt-2 text-sm text-slate-700">
          答对 {correct} / {view.questions.length} 题 · {view.course.passScore} 分及格
        </p>
        {view.status === "EXPIRED" ? (
          <p className="mt-2 text-sm text-amber-900">考试时间已到，系统已按截止前保存的答案自动交卷。</p>
        ) : null}
        {view.passed && view.credit ? (
          <p className="mt-4 font-medium text-emerald-800">
            恭喜您通过考试！本课程 {view.credit.credits} 学分已计入 {view.credit.year} 年度。
          </p>
        ) : null}
        <div className="mt-5">
          <NextStep view={view} overview={overview} />
        </div>
      </section>
      <section aria-labelledby="answers-heading" className="space-y-3">
        <h2 id="answers-heading" className="text-lg font-semibold">
          答题情况
        </h2>
        {view.keyRevealed ? null : (
          <p className="text-sm text-slate-600">正确答案和解析将在通过考试或用完本轮考试次数后显示。</p>
        )}
        <ol className="space-y-3">
          {view.questions.map((q) => (
            <GradedQuestion key={q.questionId} question={q} />
          ))}
        </ol>
      </section>
    </article>
  );
}
