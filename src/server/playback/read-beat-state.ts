import "server-only";
import { getDb } from "@/server/db";

export interface BeatStateRow {
  enrollmentId: string;
  lastSeq: number;
  lastBeatAt: Date;
  lastPositionMs: number;
  contiguous: boolean;
  endReason: "TAKEN_OVER" | "CLOSED" | null;
  ended: boolean;
  durationSeconds: number;
  learnerActive: boolean;
  verifiedMs: number;
  completed: boolean;
  enrollmentStatus: "STUDYING" | "EXAM_PENDING" | "CREDITED";
  dbNow: Date;
}

/**
 * The one read of a heartbeat: the session (which must be this learner's), its lesson's
 * duration and verified progress, the learner's status and the enrollment's, and the database's
 * clock, all by primary key. Null for an unknown session or another learner's.
 */
export async function readBeatState(sessionId: string, learnerId: string): Promise<BeatStateRow | null> {
  const rows = await getDb().$queryRaw<BeatStateRow[]>`
    SELECT s."enrollmentId", s."lastSeq", s."lastBeatAt", s."lastPositionMs", s.contiguous,
      s."endReason"::text AS "endReason", s."endedAt" IS NOT NULL AS ended, l."durationSeconds",
      (lr.status = 'ACTIVE') AS "learnerActive", COALESCE(p."verifiedMs", 0) AS "verifiedMs",
      (p."completedAt" IS NOT NULL) AS completed, e.status::text AS "enrollmentStatus",
      (now() AT TIME ZONE 'UTC')::timestamp(3) AS "dbNow"
    FROM "PlaybackSession" s
    JOIN "Lesson" l ON l.id = s."lessonId"
    JOIN "Learner" lr ON lr.id = s."learnerId"
    JOIN "Enrollment" e ON e.id = s."enrollmentId"
    LEFT JOIN "LessonProgress" p ON p."enrollmentId" = s."enrollmentId" AND p."lessonId" = s."lessonId"
    WHERE s.id = ${sessionId} AND s."learnerId" = ${learnerId}`;
  return rows[0] ?? null;
}
