import type { ExamOverview } from "@/server/exams/find-exam-overview";

/** 考试规则, as this course sets them. */
export function ExamRules({ course }: { course: ExamOverview["course"] }) {
  return (
    <section aria-labelledby="exam-rules" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <h2 id="exam-rules" className="text-lg font-semibold">
        考试规则
      </h2>
      <ul className="mt-3 list-disc space-y-1.5 pl-5 text-sm leading-relaxed text-slate-700">
        <li>
          每次考试 {course.questionCount} 题（单选题、多选题、判断题），每题分值相同，满分 100 分，
          {course.passScore} 分及格。
        </li>
        <li>多选题须选出全部正确选项，多选、少选均不得分。</li>
        <li>
          限时 {course.timeLimitMinutes}{" "}
          分钟。答案随答随存；网络中断或刷新页面后可继续作答。时间到后，系统按已保存的答案自动交卷。
        </li>
        <li>每轮学习最多可考 {course.maxAttempts} 次；均未通过的，须重新学习本课程后再参加考试。</li>
        <li>通过考试即取得本课程 {course.credits} 学分，计入您当前应完成的年度（先完成较早的年度）。</li>
      </ul>
    </section>
  );
}
