import { exportMessages as m } from "@/messages/zh-CN/exports";

/**
 * For a complete year: where its report to the provincial system stands. 待报送省系统 until an
 * administrator records the upload of a batch carrying it, then 报送中 with the day (the
 * province's confirmation comes with its receipt).
 */
export function ReportedBadge({ uploadedOn }: { uploadedOn: Date | undefined }) {
  if (!uploadedOn) return <p className="mt-3 text-sm text-slate-600">{m.learnerDue}</p>;
  return <p className="mt-3 text-sm text-sky-900">{m.learnerUploaded(uploadedOn.toISOString().slice(0, 10))}</p>;
}
