import { shanghaiDate } from "@/domain/exports";

/**
 * For a complete year: whether it has been reported to the provincial system, and when
 * (已报送省系统 2026-11-27), or 待报送省系统 until the next (nightly) export carries it.
 */
export function ReportedBadge({ reportedAt }: { reportedAt: Date | undefined }) {
  if (!reportedAt) return <p className="mt-3 text-sm text-slate-500">待报送省系统</p>;
  return (
    <p className="mt-3 text-sm text-emerald-800">
      已报送省系统 <time dateTime={reportedAt.toISOString()}>{shanghaiDate(reportedAt)}</time>
    </p>
  );
}
