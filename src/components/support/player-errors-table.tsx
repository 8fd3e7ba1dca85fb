import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/time";
import type { PlayerErrorRow } from "@/server/support/read-player-errors";

/** Errors the learner's player reported by itself, newest first. */
export function PlayerErrorsTable({ errors }: { errors: PlayerErrorRow[] }) {
  if (errors.length === 0) return <p className="text-sm text-slate-600">播放器没有自动上报过错误。</p>;
  return (
    <DataTable
      label="播放器错误列表"
      caption="播放器自动上报的错误"
      minWidth="min-w-[48rem]"
      look="flush"
      columns={["时间", "错误类型", "详情", "课程 / 章节", "浏览器 / 系统 / 网络"]}
    >
      <tbody className="divide-y divide-slate-100 align-top">
        {errors.map((e) => (
          <tr key={e.id}>
            <td className="py-2 pr-3 tabular-nums">{formatDateTime(e.occurredAt)}</td>
            <td className="py-2 pr-3">{e.kind}</td>
            <td className="break-all py-2 pr-3 text-slate-700">{e.detail ?? "—"}</td>
            <td className="py-2 pr-3">
              {e.courseTitle ?? "—"}
              {e.lessonTitle ? <span className="block text-xs text-slate-500">{e.lessonTitle}</span> : null}
            </td>
            <td className="py-2 pr-3">
              {[e.browser ?? "未知浏览器", e.os ?? "未知系统", e.networkType?.toUpperCase()]
                .filter(Boolean)
                .join(" · ")}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
