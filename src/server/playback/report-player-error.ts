import "server-only";
import { z } from "zod";
import { getDb } from "@/server/db";
import { describeUserAgent } from "./describe-user-agent";
import { TokenBuckets } from "./token-bucket";

export const PLAYER_ERROR_KINDS = ["media", "stall", "load", "hls", "start", "other"] as const;

export const ZPlayerErrorInput = z.object({
  sessionId: z.uuid().optional(),
  courseId: z.string().max(40).optional(),
  lessonId: z.string().max(40).optional(),
  kind: z.enum(PLAYER_ERROR_KINDS),
  code: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  message: z.string().max(500).optional(),
  videoUrl: z.string().max(1_000).optional(),
  networkType: z.string().max(20).optional(),
});
export type TPlayerErrorInput = z.output<typeof ZPlayerErrorInput>;

/** Per learner: 10 reports at once, then one every 6 s (10 a minute). */
const perLearner = new TokenBuckets(10, 10 / 60_000, 50_000);
/** Per instance, whoever sends them: 200 at once, then 50 a second. */
const instanceWide = new TokenBuckets(200, 50 / 1_000, 1);

/**
 * The session, course and lesson a report names, kept only where they are the learner's own: a
 * playback session of theirs, a course they are enrolled in, a lesson of such a course (of the
 * named course, when one is named). Support staff read these references beside the learner's
 * reports; a learner must not be able to attach theirs to other people's playback.
 */
async function ownReferences(learnerId: string, input: TPlayerErrorInput) {
  const db = getDb();
  const [session, course, lesson] = await Promise.all([
    input.sessionId
      ? db.playbackSession.findFirst({ where: { id: input.sessionId, learnerId }, select: { id: true } })
      : null,
    input.courseId
      ? db.enrollment.findFirst({ where: { courseId: input.courseId, learnerId }, select: { courseId: true } })
      : null,
    input.lessonId
      ? db.lesson.findFirst({
          where: {
            id: input.lessonId,
            ...(input.courseId ? { courseId: input.courseId } : {}),
            course: { enrollments: { some: { learnerId } } },
          },
          select: { id: true, courseId: true },
        })
      : null,
  ]);
  return {
    sessionId: session?.id ?? null,
    courseId: course?.courseId ?? lesson?.courseId ?? null,
    lessonId: lesson?.id ?? null,
  };
}

/**
 * Records an error the learner's player met, with the browser and OS read from the request's
 * User-Agent, and the session, course and lesson it names where they are the learner's own.
 * Rate limited; returns false when the report was dropped by the limit.
 */
export async function reportPlayerError(
  learnerId: string,
  input: TPlayerErrorInput,
  userAgent: string | null,
  now: number = Date.now(),
): Promise<boolean> {
  if (!perLearner.take(learnerId, now) || !instanceWide.take("all", now)) return false;
  const agent = describeUserAgent(userAgent);
  await getDb().playerError.create({
    data: {
      learnerId,
      ...(await ownReferences(learnerId, input)),
      kind: input.kind,
      code: input.code ?? null,
      message: input.message ?? null,
      videoUrl: input.videoUrl ?? null,
      networkType: input.networkType ?? null,
      ...agent,
    },
  });
  return true;
}
