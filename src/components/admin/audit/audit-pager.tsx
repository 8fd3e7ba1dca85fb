import Link from "next/link";
import type { TAuditLogFilters } from "@/server/audit/list-audit-log";

const LINK = "rounded-lg px-3 py-1.5 text-brand-800 ring-1 ring-inset ring-brand-200 hover:bg-brand-50";

/** The audit log's address with the browser's filters and one position (a cursor or a date). */
export function auditHref(filters: TAuditLogFilters, position: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...position })) {
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return `/admin/audit${text ? `?${text}` : ""}`;
}

/**
 * Newer / older links of the audit log (cursors, not page numbers: ADR 0025) and a jump to a
 * day: 跳转到日期 shows that day's entries and earlier ones, newest first. The jump is a GET
 * form carrying the filters, so it works without JavaScript.
 */
export function AuditPager({
  filters,
  date,
  newer,
  older,
}: {
  filters: TAuditLogFilters;
  date: string | null;
  newer: string | null;
  older: string | null;
}) {
  const summary = date
    ? `${date} 及以前的记录，每页 50 条`
    : newer
      ? "较早的记录，每页 50 条"
      : "最新的记录，每页 50 条";
  return (
    <nav aria-label="审计日志分页" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <span>{summary}</span>
      <form method="get" action="/admin/audit" className="flex items-center gap-2" aria-label="跳转到日期">
        {Object.entries(filters).map(([key, value]) =>
          value ? <input key={key} type="hidden" name={key} value={value} /> : null,
        )}
        <label htmlFor="audit-jump-date">跳转到日期</label>
        <input
          id="audit-jump-date"
          type="date"
          name="date"
          required
          defaultValue={date ?? ""}
          className="rounded-lg border border-slate-300 px-2 py-1"
        />
        <button type="submit" className={LINK}>
          跳转
        </button>
      </form>
      <span className="flex gap-2">
        {newer ? (
          <>
            <Link href={auditHref(filters)} className={LINK}>
              最新
            </Link>
            <Link href={auditHref(filters, { before: newer })} className={LINK} rel="prev">
              较新的 50 条
            </Link>
          </>
        ) : null}
        {older ? (
          <Link href={auditHref(filters, { after: older })} className={LINK} rel="next">
            较早的 50 条
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
