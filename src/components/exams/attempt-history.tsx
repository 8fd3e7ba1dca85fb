import Link from "next/link";
import { ATTEMPT_STATUS_LABELS } from "@/domain/exams";
import { formatDateTime } from "@/lib/time";
import type { AttemptSummary } from "@/server/exams/find-exam-overview";

/** 考试记录: every attempt, newest first, each linking to its paper or result. */
export function AttemptHistory({ enrollmentId, attempts }: { enrollmentId: string; attempts: AttemptSummary[] }) {
  const cycles = new Set(attempts.map((a) => a.cycle)).size;
  return (
    <section aria-labelledby="exam-history" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <h2 id="exam-history" className="text-lg font-semibold">
        考试记录
      </h2>
      {attempts.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">您还没有参加过本课程的考试。</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[30rem] text-left text-sm">
            <caption className="sr-only">本课程的考试记录</caption>
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  次数
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  开始时间
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  状态
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  成绩
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {attempts.map((a) => (
                <tr key={a.id}>
                  <td className="py-2 pr-3">
                    {cycles > 1 ? `第 ${a.cycle} 轮 · ` : ""}第 {a.number} 次
                  </td>
                  <td className="py-2 pr-3 tabular-nums">{formatDateTime(a.startedAt)}</td>
                  <td className="py-2 pr-3">{ATTEMPT_STATUS_LABELS[a.status]}</td>
                  <td className="py-2 pr-3">
                    {a.score === null ? (
                      "—"
                    ) : (
                      <span className={a.passed ? "font-medium text-emerald-700" : "text-red-700"}>
                        {a.score} 分 · {a.passed ? "通过" : "未通过"}
                      </span>
                    )}
                  </td>
                  <td className="py-2 text-right">
                    <Link
                      href={`/exams/${enrollmentId}/attempts/${a.id}`}
                      className="font-medium text-brand-800 underline-offset-2 hover:underline"
                    >
                      {a.status === "IN_PROGRESS" ? "继续考试" : "查看"}
                      <span className="sr-only">第 {a.number} 次考试</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
