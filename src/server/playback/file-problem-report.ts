import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { makeProblemReference } from "@/domain/playback";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { findUnreadableText, UNREADABLE_TEXT_MESSAGE } from "@/lib/unreadable-text";
import { getDb } from "@/server/db";
import { PLAYBACK_NOT_FOUND_MESSAGE } from "./start-playback";
import { playbackMessages } from "@/messages/zh-CN";

const ZDiagnostics = z
  .object({
    canPlay: z.object({
      mp4: z.string().max(20),
      webm: z.string().max(20),
      hls: z.string().max(20),
      hlsJs: z.boolean(),
    }),
    reach: z.object({
      ok: z.boolean(),
      status: z.number().int().optional(),
      ms: z.number().int().min(0).optional(),
      error: z.string().max(200).optional(),
    }),
    recentErrors: z
      .array(
        z.object({
          kind: z.string().max(20),
          code: z.number().int().optional(),
          message: z.string().max(300).optional(),
          at: z.string().max(40),
        }),
      )
      .max(20),
    videoUrl: z.string().max(1_000),
    positionMs: z.number().int().min(0).optional(),
    networkType: z.string().max(20).optional(),
    online: z.boolean().optional(),
    screen: z.string().max(40).optional(),
    userAgent: z.string().max(512).optional(),
  })
  .strict();

export const ZProblemReportInput = z.object({
  enrollmentId: z.string().min(1).max(40),
  lessonId: z.string().max(40).optional(),
  description: z.string().trim().min(1, playbackMessages.describeProblem).max(500, playbackMessages.descriptionTooLong),
  phone: z
    .string()
    .trim()
    .max(20, playbackMessages.phoneFormat)
    .regex(/^$|^[0-9+][0-9-]{6,19}$/, playbackMessages.phoneFormat)
    .optional()
    .transform((v) => v || undefined),
  // Sent as JSON text by the form.
  diagnostics: z
    .string()
    .max(20_000, playbackMessages.diagnosticsTooLong)
    .transform((text, ctx) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: "custom", message: playbackMessages.diagnosticsMalformed });
        return z.NEVER;
      }
      // Escaped in the JSON text, a NUL passes the form's own check.
      if (findUnreadableText(parsed) === null) return parsed;
      ctx.addIssue({ code: "custom", message: UNREADABLE_TEXT_MESSAGE });
      return z.NEVER;
    })
    .pipe(ZDiagnostics),
});
export type TProblemReportInput = z.output<typeof ZProblemReportInput>;

/**
 * 播放遇到问题？: stores the learner's report with the player's diagnostics under a new short
 * reference number, unique (a collision, one in billions, draws again).
 */
export async function fileProblemReport(learnerId: string, input: TProblemReportInput): Promise<{ reference: string }> {
  const db = getDb();
  const enrollment = await db.enrollment.findFirst({
    where: { id: input.enrollmentId, learnerId },
    select: {
      courseId: true,
      course: { select: { lessons: { where: { id: input.lessonId ?? "" }, select: { id: true } } } },
    },
  });
  if (!enrollment) throw new AppError("NOT_FOUND", PLAYBACK_NOT_FOUND_MESSAGE);
  for (let attempt = 0; ; attempt++) {
    const reference = makeProblemReference(randomInt);
    try {
      await db.problemReport.create({
        data: {
          reference,
          learnerId,
          enrollmentId: input.enrollmentId,
          courseId: enrollment.courseId,
          lessonId: enrollment.course.lessons[0]?.id ?? null,
          description: input.description,
          phone: input.phone ?? null,
          diagnostics: input.diagnostics,
        },
      });
      return { reference };
    } catch (error) {
      const collision = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!collision || attempt >= 4) throw error;
    }
  }
}
