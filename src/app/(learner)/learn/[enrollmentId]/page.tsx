import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LearnView } from "@/components/player/learn-view";
import { requireLearner } from "@/server/auth/session";
import { findLearningView } from "@/server/playback/find-learning-view";

export const metadata: Metadata = { title: "课程学习" };

// The player of one enrollment. Only its owner may open it: another learner's enrollment is
// "not found", exactly like one that does not exist.
export default async function LearnPage({
  params,
  searchParams,
}: {
  params: Promise<{ enrollmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const learner = await requireLearner();
  const [{ enrollmentId }, query] = await Promise.all([params, searchParams]);
  const view = await findLearningView(learner.id, enrollmentId);
  if (!view) notFound();
  const requested = typeof query.lesson === "string" ? query.lesson : undefined;
  const initialLessonId =
    view.lessons.find((l) => l.id === requested)?.id ??
    view.lessons.find((l) => !l.complete)?.id ??
    view.lessons[0]?.id;

  return (
    <div className="space-y-4">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/courses" className="hover:underline">
          选课中心
        </Link>{" "}
        /{" "}
        <Link href={`/courses/${view.course.id}`} className="hover:underline">
          {view.course.title}
        </Link>{" "}
        / <span>课程学习</span>
      </nav>
      {initialLessonId ? (
        <LearnView view={view} initialLessonId={initialLessonId} />
      ) : (
        <p className="rounded-xl bg-white p-6 text-slate-700 shadow-sm ring-1 ring-slate-200">本课程暂无视频章节。</p>
      )}
    </div>
  );
}
