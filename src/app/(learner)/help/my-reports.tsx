import { DataTable } from "@/components/ui/data-table";
import type { TicketStatus } from "@/domain/support/tickets";
import { formatDateTime } from "@/lib/time";
import { getCurrentLearner } from "@/server/auth/session";
import { listMyReports } from "@/server/support/list-my-reports";
import { TicketStatusBadge } from "@/components/support/ticket-status-badge";

const PENDING: Record<TicketStatus, string> = {
  OPEN: "已收到，等待技术支持人员处理。",
  IN_PROGRESS: "技术支持人员正在处理。",
  RESOLVED: "已解决。",
};

/**
 * 我的问题反馈 on /help: the signed-in learner's own problem reports with their status and
 * resolution. Renders nothing for anyone else (visitors, staff), so the help page can include
 * it unconditionally: who the learner is comes from the session, never from the page.
 */
export async function MyReports() {
  const learner = await getCurrentLearner();
  if (!learner) return null;
  const reports = await listMyReports(learner);
  return (
    <section aria-labelledby="my-reports" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="my-reports" className="text-lg font-semibold">
        我的问题反馈
      </h2>
      {reports.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          您还没有提交过播放问题。播放遇到问题时，请在播放页面点击“播放遇到问题？”提交。
        </p>
      ) : (
        <DataTable
          label="我的问题反馈列表"
          caption="我的问题反馈及处理情况"
          minWidth="min-w-[32rem]"
          look="flush"
          className="mt-3"
          columns={["问题编号", "提交时间", "课程", "处理状态", "处理结果"]}
        >
          <tbody className="divide-y divide-slate-100 align-top">
            {reports.map((r) => (
              <tr key={r.reference} data-testid={`my-report-${r.reference}`}>
                <th scope="row" className="py-2 pr-3 font-mono font-medium">
                  {r.reference}
                </th>
                <td className="py-2 pr-3 tabular-nums">{formatDateTime(r.createdAt)}</td>
                <td className="py-2 pr-3">{r.courseTitle ?? "—"}</td>
                <td className="py-2 pr-3">
                  <TicketStatusBadge status={r.status} />
                </td>
                <td className="whitespace-pre-wrap py-2 text-slate-700">{r.resolution ?? PENDING[r.status]}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
