import "server-only";
import { sqlQuery } from "@/server/sql";

/**
 * The correct options and explanations of a paper's questions: only for a result whose key may
 * be revealed (the caller decides), never for an open paper.
 */
export async function readAnswerKey(
  attemptId: string,
): Promise<Map<string, { correctOptionIds: string[]; explanation: string }>> {
  const rows = await sqlQuery<{ questionId: string; explanation: string; correctOptionIds: string[] }>(
    `SELECT q."id" AS "questionId", q."explanation",
            COALESCE(array_agg(o."id") FILTER (WHERE o."id" IS NOT NULL), '{}') AS "correctOptionIds"
     FROM "ExamAttemptQuestion" p
     JOIN "Question" q ON q."id" = p."questionId"
     LEFT JOIN "QuestionOption" o ON o."questionId" = q."id" AND o."correct"
     WHERE p."attemptId" = $1
     GROUP BY q."id"`,
    [attemptId],
  );
  return new Map(rows.map(({ questionId, ...key }) => [questionId, key]));
}
