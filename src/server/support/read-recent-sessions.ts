import "server-only";
import { isLessonComplete } from "@/domain/playback/progress";
import { describeDevice, type DeviceDescription } from "@/domain/support/device";
import {
  describeSessionAnomalies,
  sessionState,
  SESSION_STATE_LABELS,
  type SessionNotice,
} from "@/domain/support/sessions";
import { getDb } from "@/server/db";
import { supportMessages } from "@/messages/zh-CN";

export interface SessionRow {
  id: string;
  courseTitle: string;
  lessonTitle: string;
  lessonPosition: number;
  startedAt: Date;
  /** When it ended, or the last heartbeat of one still open or interrupted. */
  endedAt: Date;
  stateLabel: string;
  creditedMs: number;
  /** The lesson's verified position now (not only from this session). */
  verifiedMs: number;
  durationMs: number;
  lessonComplete: boolean;
  device: DeviceDescription | null;
  notices: SessionNotice[];
}

/**
 * A learner's latest playback sessions with what support needs to read them: lesson, device,
 * credited time, the lesson's verified position and the anomalies of its heartbeats. Three
 * queries for any `limit`. Callers have authorized the staff member for this learner.
 */
export async function readRecentSessions(learnerId: string, limit: number, now: Date): Promise<SessionRow[]> {
  const db = getDb();
  const sessions = await db.playbackSession.findMany({
    where: { learnerId },
    orderBy: { startedAt: "desc" },
    take: limit,
    select: {
      id: true,
      enrollmentId: true,
      lessonId: true,
      startedAt: true,
      lastBeatAt: true,
      endedAt: true,
      endReason: true,
      creditedMs: true,
      acceptedBeats: true,
      ignoredBeats: true,
      jumpBeats: true,
      contiguous: true,
      browser: true,
      os: true,
      userAgent: true,
      lesson: { select: { title: true, position: true, durationSeconds: true, course: { select: { title: true } } } },
    },
  });
  if (sessions.length === 0) return [];
  const [progress, verdicts] = await Promise.all([
    db.lessonProgress.findMany({
      where: { OR: sessions.map((s) => ({ enrollmentId: s.enrollmentId, lessonId: s.lessonId })) },
      select: { enrollmentId: true, lessonId: true, verifiedMs: true },
    }),
    db.playbackBeat.groupBy({
      by: ["sessionId", "verdict"],
      where: { sessionId: { in: sessions.map((s) => s.id) } },
      _count: { _all: true },
    }),
  ]);
  const verifiedOf = new Map(progress.map((p) => [`${p.enrollmentId}/${p.lessonId}`, p.verifiedMs]));
  const verdictsOf = new Map<string, Record<string, number>>();
  for (const v of verdicts) {
    const counts = verdictsOf.get(v.sessionId) ?? {};
    counts[v.verdict] = v._count._all;
    verdictsOf.set(v.sessionId, counts);
  }
  return sessions.map((s) => {
    const durationMs = s.lesson.durationSeconds * 1000;
    const verifiedMs = Math.min(verifiedOf.get(`${s.enrollmentId}/${s.lessonId}`) ?? 0, durationMs);
    const facts = { ...s, verdicts: verdictsOf.get(s.id) ?? {} };
    const device = describeDevice(s.userAgent);
    return {
      id: s.id,
      courseTitle: s.lesson.course.title,
      lessonTitle: s.lesson.title,
      lessonPosition: s.lesson.position,
      startedAt: s.startedAt,
      endedAt: s.endedAt ?? s.lastBeatAt,
      stateLabel: SESSION_STATE_LABELS[sessionState(s, now)],
      creditedMs: s.creditedMs,
      verifiedMs,
      durationMs,
      lessonComplete: isLessonComplete(verifiedMs, durationMs),
      device:
        device ?? (s.browser || s.os ? { device: supportMessages.unknownDevice, browser: s.browser, os: s.os } : null),
      notices: describeSessionAnomalies(facts, now),
    };
  });
}
