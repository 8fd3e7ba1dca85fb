import { TICKET_STATUS_LABELS, type TicketStatus } from "@/domain/support/tickets";

const TONE: Record<TicketStatus, string> = {
  OPEN: "bg-amber-50 text-amber-900 ring-1 ring-amber-200",
  IN_PROGRESS: "bg-blue-50 text-blue-800 ring-1 ring-blue-200",
  RESOLVED: "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200",
};

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ${TONE[status]}`}>
      {TICKET_STATUS_LABELS[status]}
    </span>
  );
}
