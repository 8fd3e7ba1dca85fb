// Errors the player met: kept for the problem report's diagnostics and reported to the server
// (which rate-limits them too). Never more than a few a minute from one page.
export type PlayerErrorKind = "media" | "stall" | "load" | "hls" | "start" | "other";

export interface RecentPlayerError {
  kind: PlayerErrorKind;
  code?: number;
  message?: string;
  at: string;
}

const recent: RecentPlayerError[] = [];
const sentAt: number[] = [];
const PAGE_LIMIT_PER_MINUTE = 5;

export function recentPlayerErrors(): RecentPlayerError[] {
  return recent.slice(-20);
}

export function networkType(): string | undefined {
  const connection = (navigator as Navigator & { connection?: { effectiveType?: string } }).connection;
  return connection?.effectiveType;
}

export function reportPlayerError(
  error: { kind: PlayerErrorKind; code?: number; message?: string },
  context: { sessionId?: string; courseId: string; lessonId: string; videoUrl: string },
): void {
  const entry: RecentPlayerError = { ...error, message: error.message?.slice(0, 300), at: new Date().toISOString() };
  recent.push(entry);
  if (recent.length > 50) recent.shift();
  const now = Date.now();
  while (sentAt.length > 0 && (sentAt[0] ?? 0) < now - 60_000) sentAt.shift();
  if (sentAt.length >= PAGE_LIMIT_PER_MINUTE) return;
  sentAt.push(now);
  const body = JSON.stringify({
    ...context,
    videoUrl: context.videoUrl.slice(0, 1_000),
    kind: entry.kind,
    code: entry.code,
    message: entry.message,
    networkType: networkType()?.slice(0, 20),
  });
  void fetch("/api/playback/error", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    keepalive: true,
  }).catch(() => undefined);
}
