import Link from "next/link";
import { START_REFUSAL_MESSAGES } from "@/domain/exams";
import type { ExamOverview } from "@/server/exams/find-exam-overview";
import { StartExamButton } from "./start-exam-button";

const LINK = "inline-block rounded-lg bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800";

/** What the learner can do now: start, resume, study first, or nothing (passed). */
export function ExamStatusPanel({ overview }: { overview: ExamOverview }) {
  const { enrollment, openAttempt, start, credit } = overview;
  if (enrollment.status === "CREDITED") {
    return (
      <p className="font-medium text-emerald-700">
        您已通过本课程考试{credit ? `，${credit.credits} 学分已计入 ${credit.year} 年度` : ""}。
      </p>
    );
  }
  if (openAttempt) {
    return (
      <div className="space-y-2">
        <p className="text-sm text-slate-700">您有一次正在进行的考试，请在规定时间内完成。</p>
        <Link href={`/exams/${enrollment.id}/attempts/${openAttempt.id}`} className={LINK}>
          继续考试
        </Link>
      </div>
    );
  }
  if (!start.ok) {
    const studyAgain = start.reason === "NOT_STUDIED" || start.reason === "RESTUDY_REQUIRED";
    return (
      <div className="space-y-3">
        <p role="status" className="text-slate-800">
          {START_REFUSAL_MESSAGES[start.reason]}
        </p>
        {studyAgain ? (
          <Link href={`/learn/${enrollment.id}`} className={LINK}>
            {start.reason === "RESTUDY_REQUIRED" ? "重新学习" : "继续学习"}
          </Link>
        ) : null}
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        本轮还可考 <strong>{overview.attemptsLeft}</strong> 次。开始后计时，请预留 {overview.course.timeLimitMinutes}{" "}
        分钟完成。
      </p>
      <StartExamButton enrollmentId={enrollment.id} label={overview.gradedInCycle > 0 ? "再考一次" : "开始考试"} />
    </div>
  );
}
