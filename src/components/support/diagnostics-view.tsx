import type { DiagnosticsRow, DiagnosticsView as TDiagnosticsView } from "@/domain/support/diagnostics";
import { formatDurationMs } from "@/domain/support/format";
import { formatDateTime } from "@/lib/time";

function Rows({ rows }: { rows: DiagnosticsRow[] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map((row) => (
        <div key={row.label} className="contents">
          <dt className="text-slate-500">{row.label}</dt>
          <dd className={row.ok === false ? "font-medium text-red-700" : "text-slate-800"}>
            {row.value}
            {row.ok === false ? <span className="sr-only">（异常）</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const at = (iso: string | null) => {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? formatDateTime(date) : "—";
};

/** The player's diagnostics of a problem report, in words; problems stand out in red. */
export function DiagnosticsView({
  diagnostics: d,
  headingLevel = 3,
}: {
  diagnostics: TDiagnosticsView;
  headingLevel?: 3 | 4;
}) {
  const H = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="space-y-2">
        <H className="text-sm font-semibold text-slate-900">视频地址</H>
        {d.reach ? <Rows rows={[d.reach]} /> : <p className="text-sm text-slate-500">未检测</p>}
        {d.videoUrl ? <p className="break-all font-mono text-xs text-slate-600">{d.videoUrl}</p> : null}
        {d.positionMs !== null ? (
          <p className="text-sm text-slate-700">报告时的播放位置：{formatDurationMs(d.positionMs)}</p>
        ) : null}
      </div>
      <div className="space-y-2">
        <H className="text-sm font-semibold text-slate-900">浏览器支持的格式</H>
        {d.formats.length ? <Rows rows={d.formats} /> : <p className="text-sm text-slate-500">未检测</p>}
      </div>
      <div className="space-y-2">
        <H className="text-sm font-semibold text-slate-900">浏览器、系统和网络</H>
        {d.environment.length ? <Rows rows={d.environment} /> : <p className="text-sm text-slate-500">未知</p>}
        {d.userAgent ? (
          <details className="text-xs text-slate-600">
            <summary className="cursor-pointer">完整的浏览器标识（User-Agent）</summary>
            <p className="mt-1 break-all font-mono">{d.userAgent}</p>
          </details>
        ) : null}
      </div>
      <div className="space-y-2">
        <H className="text-sm font-semibold text-slate-900">报告前的播放错误</H>
        {d.recentErrors.length === 0 ? (
          <p className="text-sm text-slate-500">没有记录到错误</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {d.recentErrors.map((e, i) => (
              <li key={i}>
                <span className="tabular-nums text-slate-500">{at(e.at)}</span> {e.kind}
                {e.detail ? <span className="text-slate-600">：{e.detail}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
