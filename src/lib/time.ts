// Dates and "the current year" are those of Wuhan (Asia/Shanghai), whatever the server's zone.
export const TIME_ZONE = "Asia/Shanghai";

const ymd = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today in Asia/Shanghai as YYYY-MM-DD. */
export function todayInShanghai(now: Date = new Date()): string {
  // formatToParts, not the whole string: en-CA's layout has changed between ICU versions.
  const parts = ymd.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The calendar year in Asia/Shanghai. */
export function currentYear(now: Date = new Date()): number {
  return Number(todayInShanghai(now).slice(0, 4));
}

const dateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** A timestamp for display, e.g. 2026/11/27 17:05. */
export function formatDateTime(value: Date): string {
  return dateTime.format(value);
}

const hourMinute = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** HH:mm in Asia/Shanghai, e.g. 09:05. */
export function formatTime(value: Date): string {
  return hourMinute.format(value);
}
