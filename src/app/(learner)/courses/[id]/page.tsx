import Link from "next/link";
import { notFound } from "next/navigation";
import { CategoryBadge } from "@/components/courses/category-badge";
import { StartCourseButton } from "@/components/courses/start-course-button";
import { CourseStatusBadge } from "@/components/courses/status-badge";
import { formatDuration } from "@/domain/courses";
import { formatHours } from "@/domain/credits";
import { requireLearner } from "@/server/auth/session";
import { findCourseForLearner } from "@/server/courses/find-course-for-learner";
import { getCreditsPerHour } from "@/server/credits/get-credits-per-hour";
import { getStanding } from "@/server/credits/get-standing";

export default async function CoursePage({ params }: { params: Promise<{ id: string }> }) {
  const learner = await requireLearner();
  const { id } = await params;
  const [course, standing, creditsPerHour] = await Promise.all([
    findCourseForLearner(learner.id, id),
    getStanding(learner),
    getCreditsPerHour(),
  ]);
  if (!course) notFound();
  const totalSeconds = course.lessons.reduce((sum, l) => sum + l.durationSeconds, 0);

  return (
    <article className="space-y-6">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/courses" className="hover:underline">
          选课中心
        </Link>{" "}
        / <span>{course.title}</span>
      </nav>
      <header className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <div className="flex flex-wrap items-center gap-2">
          <CategoryBadge category={course.category} />
          <CourseStatusBadge status={course.learnerStatus} />
        </div>
        <h1 className="mt-3 text-2xl font-semibold text-slate-900">{course.title}</h1>
        <p className="mt-2 text-slate-700">
          <strong className="text-brand-800">{course.credits}</strong> 学分 ·{" "}
          {formatHours(course.credits / creditsPerHour)} 学时 · 视频共 {formatDuration(totalSeconds)}
        </p>
        <p className="mt-4 leading-relaxed text-slate-700">{course.description}</p>
        <div className="mt-6">
          <CourseAction course={course} creditYear={standing.creditYear} startYear={standing.startYear} />
        </div>
      </header>

      <section aria-labelledby="lessons" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="lessons" className="text-lg font-semibold">
          课程章节
        </h2>
        <ol className="mt-3 divide-y divide-slate-100">
          {course.lessons.map((lesson, index) => (
            <li key={lesson.id} className="flex items-center justify-between gap-4 py-3 text-sm">
              <span>
                <span className="mr-2 text-slate-500">第{index + 1}讲</span>
                {lesson.title}
              </span>
              <span className="shrink-0 tabular-nums text-slate-500">{formatDuration(lesson.durationSeconds)}</span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="exam" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="exam" className="text-lg font-semibold">
          考试规则
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm leading-relaxed text-slate-700">
          <li>学完全部章节后方可参加考试；通过考试即取得本课程 {course.credits} 学分。</li>
          <li>
            每次考试 {course.examQuestionCount} 题，满分 100 分，{course.examPassScore} 分及格，限时{" "}
            {course.examTimeLimitMinutes} 分钟。
          </li>
          <li>最多可考 {course.examMaxAttempts} 次；均未通过的，须重新学习本课程后再考。</li>
        </ul>
      </section>
    </article>
  );
}

function CourseAction({
  course,
  creditYear,
  startYear,
}: {
  course: NonNullable<Awaited<ReturnType<typeof findCourseForLearner>>>;
  creditYear: number | null;
  startYear: number;
}) {
  const enrollment = course.enrollment;
  const review = (id: string) => (
    <Link
      href={`/learn/${id}`}
      className="inline-block rounded-lg px-5 py-2.5 font-medium text-brand-800 ring-1 ring-brand-200 ring-inset hover:bg-brand-50"
    >
      复习课程
    </Link>
  );
  if (enrollment?.status === "CREDITED") {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <p className="font-medium text-emerald-700">您已通过本课程考试，取得的学分已记入学分记录。</p>
        {review(enrollment.id)}
      </div>
    );
  }
  if (enrollment?.status === "EXAM_PENDING") {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Link
          href={`/exams/${enrollment.id}`}
          className="inline-block rounded-lg bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800"
        >
          参加考试
        </Link>
        {review(enrollment.id)}
      </div>
    );
  }
  if (enrollment) {
    return (
      <Link
        href={`/learn/${enrollment.id}`}
        className="inline-block rounded-lg bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800"
      >
        继续学习
      </Link>
    );
  }
  if (course.status !== "PUBLISHED") return <p className="text-slate-600">本课程已停止选课。</p>;
  if (creditYear === null) {
    return <p className="text-slate-700">您的继续教育从 {startYear} 年开始，届时即可选课学习。</p>;
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">学习并通过考试后，学分将计入您的 {creditYear} 年度（先完成较早的年度）。</p>
      <StartCourseButton courseId={course.id} />
    </div>
  );
}
