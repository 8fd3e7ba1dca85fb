// Problem reports as tickets: open → in progress → resolved, with a resolution the learner sees.
export type TicketStatus = "OPEN" | "IN_PROGRESS" | "RESOLVED";

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  OPEN: "待处理",
  IN_PROGRESS: "处理中",
  RESOLVED: "已解决",
};

// Back to OPEN returns a ticket to the queue; RESOLVED → IN_PROGRESS reopens it when the learner
// calls again. Nothing else: a ticket is never deleted.
const NEXT: Record<TicketStatus, readonly TicketStatus[]> = {
  OPEN: ["IN_PROGRESS", "RESOLVED"],
  IN_PROGRESS: ["RESOLVED", "OPEN"],
  RESOLVED: ["IN_PROGRESS"],
};

export function nextTicketStatuses(from: TicketStatus): readonly TicketStatus[] {
  return NEXT[from];
}

export function canChangeTicketStatus(from: TicketStatus, to: TicketStatus): boolean {
  return NEXT[from].includes(to);
}

/** The button that moves a ticket from one status to another. */
export function transitionLabel(from: TicketStatus, to: TicketStatus): string {
  if (to === "RESOLVED") return "标记为已解决";
  if (to === "OPEN") return "退回待处理";
  return from === "RESOLVED" ? "重新处理" : "开始处理";
}

export const RESOLUTION_MIN_LENGTH = 2;
export const RESOLUTION_MAX_LENGTH = 1_000;
export const NOTE_MAX_LENGTH = 1_000;

export const TICKET_STATUS_FILTERS = ["active", "OPEN", "IN_PROGRESS", "RESOLVED", "all"] as const;
export type TicketStatusFilter = (typeof TICKET_STATUS_FILTERS)[number];
export const TICKET_STATUS_FILTER_LABELS: Record<TicketStatusFilter, string> = {
  active: "未解决（待处理和处理中）",
  OPEN: "待处理",
  IN_PROGRESS: "处理中",
  RESOLVED: "已解决",
  all: "全部",
};

export function statusesOf(filter: TicketStatusFilter): readonly TicketStatus[] | null {
  if (filter === "all") return null;
  return filter === "active" ? ["OPEN", "IN_PROGRESS"] : [filter];
}

export const TICKET_AGE_FILTERS = ["any", "24h", "7d", "older"] as const;
export type TicketAgeFilter = (typeof TICKET_AGE_FILTERS)[number];
export const TICKET_AGE_FILTER_LABELS: Record<TicketAgeFilter, string> = {
  any: "不限",
  "24h": "近24小时",
  "7d": "近7天",
  older: "7天以前",
};

const HOUR_MS = 60 * 60_000;

/** The creation times an age filter selects, as bounds for a `createdAt` range. */
export function ticketAgeRange(age: TicketAgeFilter, now: Date): { gte?: Date; lt?: Date } {
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR_MS);
  if (age === "24h") return { gte: ago(24) };
  if (age === "7d") return { gte: ago(7 * 24) };
  if (age === "older") return { lt: ago(7 * 24) };
  return {};
}

/** How long a ticket has waited, in words: 35分钟, 5小时, 3天. */
export function formatAge(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}小时`;
  return `${Math.floor(hours / 24)}天`;
}
