import { notFound } from "next/navigation";
import { AttemptResult } from "@/components/exams/attempt-result";
import { ExamPaper } from "@/components/exams/exam-paper";
import { requireLearner } from "@/server/auth/session";
import { findAttemptForLearner } from "@/server/exams/find-attempt-for-learner";
import { findExamOverview } from "@/server/exams/find-exam-overview";

export const metadata = { title: "课程考试" };

// One address per attempt: the paper while it is open, its result once graded, so that a
// reload, a lost connection or the deadline all land on the right thing.
export default async function AttemptPage({
  params,
}: {
  params: Promise<{ enrollmentId: string; attemptId: string }>;
}) {
  const learner = await requireLearner();
  const { enrollmentId, attemptId } = await params;
  const view = await findAttemptForLearner(learner.id, attemptId);
  if (!view || view.enrollmentId !== enrollmentId) notFound();

  if (view.status === "IN_PROGRESS") {
    return (
      <ExamPaper
        key={view.id}
        attemptId={view.id}
        courseTitle={view.course.title}
        number={view.number}
        deadline={view.deadline.toISOString()}
        serverNow={view.serverNow.toISOString()}
        questions={view.questions}
      />
    );
  }
  // What may happen next (再考一次, 重新学习) matters only after a failure.
  const overview = view.passed ? null : await findExamOverview(learner.id, enrollmentId);
  return <AttemptResult view={view} overview={overview} />;
}
