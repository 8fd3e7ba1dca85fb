import { DataTable } from "@/components/ui/data-table";
import { formatDurationMs } from "@/domain/support/format";
import { formatDateTime, formatTime } from "@/lib/time";
import type { SessionRow } from "@/server/support/read-recent-sessions";

const NOTICE_TONE = { warning: "text-amber-900", info: "text-slate-600" } as const;

/** A learner's recent playback sessions, with their heartbeat anomalies in words. */
export function SessionsTable({ sessions, caption }: { sessions: SessionRow[]; caption: string }) {
  if (sessions.length === 0) return <p className="text-sm text-slate-600">该学员最近没有播放记录。</p>;
  return (
    <DataTable
      label={caption}
      caption={caption}
      minWidth="min-w-[44rem]"
      look="flush"
      columns={["时间", "课程 / 章节", "设备", "计入时间 / 已核验 / 时长", "情况"]}
    >
      <tbody className="divide-y divide-slate-100 align-top">
        {sessions.map((s) => (
          <tr key={s.id}>
            <td className="py-2 pr-3">
              <span className="tabular-nums">
                {formatDateTime(s.startedAt)}–{formatTime(s.endedAt)}
              </span>
              <span className="block text-xs text-slate-500">{s.stateLabel}</span>
            </td>
            <td className="py-2 pr-3">
              {s.courseTitle}
              <span className="block text-xs text-slate-500">
                第{s.lessonPosition}讲 {s.lessonTitle}
              </span>
            </td>
            <td className="py-2 pr-3">
              {s.device ? (
                <>
                  {s.device.device} · {s.device.browser ?? "未知浏览器"}
                  <span className="block text-xs text-slate-500">{s.device.os ?? "未知系统"}</span>
                </>
              ) : (
                "未知"
              )}
            </td>
            <td className="py-2 pr-3 tabular-nums">
              {formatDurationMs(s.creditedMs)}
              <span className="block text-xs text-slate-500">
                {formatDurationMs(s.verifiedMs)} / {formatDurationMs(s.durationMs)}
                {s.lessonComplete ? "（已完成）" : ""}
              </span>
            </td>
            <td className="py-2">
              {s.notices.length === 0 ? (
                <span className="text-slate-500">正常</span>
              ) : (
                <ul className="space-y-1">
                  {s.notices.map((n) => (
                    <li key={n.code} className={NOTICE_TONE[n.tone]}>
                      {n.text}
                      {n.count && n.count > 1 ? `（${n.count} 次）` : ""}
                    </li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
