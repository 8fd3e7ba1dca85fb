import "server-only";
import { getDb } from "@/server/db";

export interface BeatStateRow {
  sessionId: string;
  learnerId: string;
  enrollmentId: string;
  lastSeq: number;
  lastBeatAt: Date;
  lastPositionMs: number;
  contiguous: boolean;
  presenceLeftMs: number;
  endReason: "TAKEN_OVER" | "CLOSED" | null;
  ended: boolean;
  durationSeconds: number;
  learnerActive: boolean;
  verifiedMs: number;
  completed: boolean;
  enrollmentStatus: "STUDYING" | "EXAM_PENDING" | "CREDITED";
}

/**
 * The one read of a batch of heartbeats: for each session, its learner (the caller checks it is
 * the beat's own), its lesson's duration and verified progress, the learner's status and the
 * enrollment's, all by primary key; and the database's clock, which every beat of the batch is
 * judged by. Unknown sessions are absent from the map.
 */
export async function readBeatStates(sessionIds: string[]): Promise<{ rows: Map<string, BeatStateRow>; dbNow: Date }> {
  const rows = await getDb().$queryRaw<(BeatStateRow & { dbNow: Date })[]>`
    SELECT t.now AS "dbNow", s.id AS "sessionId", s."learnerId", s."enrollmentId", s."lastSeq", s."lastBeatAt",
      s."lastPositionMs", s.contiguous, s."presenceLeftMs", s."endReason"::text AS "endReason", s."endedAt" IS NOT NULL AS ended,
      l."durationSeconds", (lr.status = 'ACTIVE') AS "learnerActive", COALESCE(p."verifiedMs", 0) AS "verifiedMs",
      (p."completedAt" IS NOT NULL) AS completed, e.status::text AS "enrollmentStatus"
    FROM (SELECT (now() AT TIME ZONE 'UTC')::timestamp(3) AS now) t
    LEFT JOIN "PlaybackSession" s ON s.id = ANY(${sessionIds}::text[])
    LEFT JOIN "Lesson" l ON l.id = s."lessonId"
    LEFT JOIN "Learner" lr ON lr.id = s."learnerId"
    LEFT JOIN "Enrollment" e ON e.id = s."enrollmentId"
    LEFT JOIN "LessonProgress" p ON p."enrollmentId" = s."enrollmentId" AND p."lessonId" = s."lessonId"`;
  const dbNow = rows[0]?.dbNow ?? new Date();
  return { rows: new Map(rows.filter((row) => row.sessionId !== null).map((row) => [row.sessionId, row])), dbNow };
}
