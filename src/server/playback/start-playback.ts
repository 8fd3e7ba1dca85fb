import "server-only";
import { randomUUID } from "node:crypto";
import { isLessonComplete, isPresenceDue, nextPresenceCheckMs } from "@/domain/playback";
import { AppError } from "@/lib/errors";
import { getDb } from "@/server/db";
import { describeUserAgent } from "./describe-user-agent";
import { playbackMessages } from "@/messages/zh-CN";

export interface StartedPlayback {
  sessionId: string;
  /** Where the player starts: the verified position, or the beginning of a completed lesson. */
  resumeMs: number;
  verifiedMs: number;
  durationMs: number;
  lessonComplete: boolean;
  /** The learner's presence check is due already (unanswered in the previous session). */
  presenceDue: boolean;
}

export const PLAYBACK_NOT_FOUND_MESSAGE = playbackMessages.notFound;

/**
 * Starts playing one lesson of the learner's own enrollment: a new playback session, created
 * under the learner's row lock after ending the learner's other open sessions (TAKEN_OVER), so a
 * learner never has two sessions counting at once. The credited time left before the next
 * presence check carries over from the learner's latest session, so starting again does not put
 * a check off. Another learner's enrollment, an unknown one and a lesson of another course are
 * all "not found".
 */
export async function startPlayback(input: {
  learnerId: string;
  enrollmentId: string;
  lessonId: string;
  userAgent?: string | null;
}): Promise<StartedPlayback> {
  const agent = describeUserAgent(input.userAgent);
  return getDb().$transaction(async (tx) => {
    // NO KEY UPDATE, as the credit ledger does: it serializes this learner's starts without
    // blocking inserts that merely reference the learner.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Learner" WHERE id = ${input.learnerId} AND status = 'ACTIVE' FOR NO KEY UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", PLAYBACK_NOT_FOUND_MESSAGE);

    const lessons = await tx.$queryRaw<{ durationSeconds: number }[]>`
      SELECT l."durationSeconds" FROM "Enrollment" e JOIN "Lesson" l ON l."courseId" = e."courseId"
      WHERE e.id = ${input.enrollmentId} AND e."learnerId" = ${input.learnerId} AND l.id = ${input.lessonId}`;
    const lesson = lessons[0];
    if (!lesson) throw new AppError("NOT_FOUND", PLAYBACK_NOT_FOUND_MESSAGE);
    const durationMs = lesson.durationSeconds * 1000;

    // The sessions taken over are read as updated (after any beat that committed meanwhile);
    // without one, the latest ended session.
    const latest = await tx.$queryRaw<{ presenceLeftMs: number }[]>`
      WITH taken AS (
        UPDATE "PlaybackSession" SET "endedAt" = (now() AT TIME ZONE 'UTC'), "endReason" = 'TAKEN_OVER'
        WHERE "learnerId" = ${input.learnerId} AND "endedAt" IS NULL
        RETURNING "startedAt", "presenceLeftMs")
      SELECT "presenceLeftMs" FROM (
        SELECT "startedAt", "presenceLeftMs", 0 AS rank FROM taken
        UNION ALL
        (SELECT "startedAt", "presenceLeftMs", 1 FROM "PlaybackSession" WHERE "learnerId" = ${input.learnerId}
          ORDER BY "startedAt" DESC LIMIT 1)) sessions
      ORDER BY "startedAt" DESC, rank LIMIT 1`;
    const presenceLeftMs = Math.max(0, latest[0]?.presenceLeftMs ?? nextPresenceCheckMs(Math.random()));
    const progress = await tx.$queryRaw<{ verifiedMs: number }[]>`
      WITH inserted AS (
        INSERT INTO "LessonProgress" ("enrollmentId", "lessonId", "verifiedMs", "updatedAt")
        VALUES (${input.enrollmentId}, ${input.lessonId}, 0, (now() AT TIME ZONE 'UTC'))
        ON CONFLICT ("enrollmentId", "lessonId") DO NOTHING
        RETURNING "verifiedMs")
      SELECT "verifiedMs" FROM inserted
      UNION ALL
      SELECT "verifiedMs" FROM "LessonProgress" WHERE "enrollmentId" = ${input.enrollmentId} AND "lessonId" = ${input.lessonId}`;
    const verifiedMs = Math.min(progress[0]?.verifiedMs ?? 0, durationMs);
    const lessonComplete = isLessonComplete(verifiedMs, durationMs);
    const resumeMs = lessonComplete ? 0 : verifiedMs;

    // The database's clock (in UTC, as Prisma stores timestamps) starts the session: every
    // instance measures elapsed time against the same clock.
    const sessionId = randomUUID();
    await tx.$executeRaw`
      INSERT INTO "PlaybackSession" (id, "learnerId", "enrollmentId", "lessonId", "startedAt", "lastBeatAt",
        "lastPositionMs", "presenceLeftMs", browser, os, "userAgent")
      VALUES (${sessionId}, ${input.learnerId}, ${input.enrollmentId}, ${input.lessonId},
        (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC'), ${resumeMs}, ${presenceLeftMs},
        ${agent.browser}, ${agent.os}, ${agent.userAgent})`;
    return {
      sessionId,
      resumeMs,
      verifiedMs,
      durationMs,
      lessonComplete,
      presenceDue: isPresenceDue({ presenceLeftMs }),
    };
  });
}
