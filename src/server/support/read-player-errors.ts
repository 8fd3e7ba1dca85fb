import "server-only";
import { playerErrorCodeLabel, playerErrorKindLabel } from "@/domain/support/player-errors";
import { scrubIdNumbers } from "@/lib/scrub";
import { getDb } from "@/server/db";
import { readTitles } from "./read-titles";
import { supportMessages } from "@/messages/zh-CN";

export interface PlayerErrorRow {
  id: string;
  occurredAt: Date;
  kind: string;
  detail: string | null;
  courseTitle: string | null;
  lessonTitle: string | null;
  browser: string | null;
  os: string | null;
  networkType: string | null;
}

/** A learner's latest automatically reported player errors, in words. Callers authorize. */
export async function readPlayerErrors(learnerId: string, limit: number): Promise<PlayerErrorRow[]> {
  const errors = await getDb().playerError.findMany({
    where: { learnerId },
    orderBy: { occurredAt: "desc" },
    take: limit,
    select: {
      id: true,
      occurredAt: true,
      kind: true,
      code: true,
      message: true,
      courseId: true,
      lessonId: true,
      browser: true,
      os: true,
      networkType: true,
    },
  });
  const titles = await readTitles(errors);
  return errors.map((e) => {
    const lesson = titles.lesson(e.lessonId);
    return {
      id: String(e.id),
      occurredAt: e.occurredAt,
      kind: playerErrorKindLabel(e.kind),
      detail:
        [playerErrorCodeLabel(e.kind, e.code), e.message ? scrubIdNumbers(e.message) : null]
          .filter(Boolean)
          .join("：") || null,
      courseTitle: lesson?.courseTitle ?? titles.course(e.courseId) ?? null,
      lessonTitle: lesson ? supportMessages.lessonTitle(lesson.position, lesson.lessonTitle) : null,
      browser: e.browser,
      os: e.os,
      networkType: e.networkType,
    };
  });
}
