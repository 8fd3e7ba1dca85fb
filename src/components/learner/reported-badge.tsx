import { shanghaiDate } from "@/domain/exports";
import { exportMessages as m } from "@/messages/zh-CN/exports";
import type { ReportingStatus } from "@/server/exports/read-reporting-status";

/**
 * For a complete year: where its report to the provincial system stands. 待报送省系统 until an
 * administrator records the upload of a batch carrying it; 报送中 with the day; then the
 * province's answer: 省系统已确认, or 省系统退回 with its reason and whom to contact.
 */
export function ReportedBadge({ status }: { status: ReportingStatus | undefined }) {
  if (!status) return <p className="mt-3 text-sm text-slate-600">{m.learnerDue}</p>;
  if (status.kind === "uploaded") {
    return <p className="mt-3 text-sm text-sky-900">{m.learnerUploaded(status.on.toISOString().slice(0, 10))}</p>;
  }
  if (status.kind === "accepted") {
    return <p className="mt-3 text-sm font-medium text-emerald-800">{m.learnerAccepted(shanghaiDate(status.on))}</p>;
  }
  const { officeName, phone, address } = status.contact;
  return (
    <div role="note" className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">{m.learnerRejected(status.reason)}</p>
      <p className="mt-1">
        {m.learnerRejectedContact}
        {officeName}，电话{" "}
        <a href={`tel:${phone.replace(/[^\d+-]/g, "")}`} className="underline">
          {phone}
        </a>
        ，{address}
      </p>
    </div>
  );
}
