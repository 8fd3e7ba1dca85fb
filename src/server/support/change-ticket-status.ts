import "server-only";
import { z } from "zod";
import { normalizeProblemReference } from "@/domain/playback/reference";
import {
  canChangeTicketStatus,
  NOTE_MAX_LENGTH,
  RESOLUTION_MAX_LENGTH,
  RESOLUTION_MIN_LENGTH,
} from "@/domain/support/tickets";
import { AppError } from "@/lib/errors";
import { scrubIdNumbers } from "@/lib/scrub";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { assertSupportStaff } from "./assert-support-staff";
import { supportMessages } from "@/messages/zh-CN";

const ZStatus = z.enum(["OPEN", "IN_PROGRESS", "RESOLVED"]);
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? scrubIdNumbers(v) : undefined));

export const ZChangeTicketStatusInput = z
  .object({
    reference: z.string().trim().min(1).max(20),
    /** The status the staff member saw: the change applies only if it is still that. */
    from: ZStatus,
    to: ZStatus,
    resolution: optionalText(RESOLUTION_MAX_LENGTH, supportMessages.resolutionTooLong(RESOLUTION_MAX_LENGTH)),
    note: optionalText(NOTE_MAX_LENGTH, supportMessages.noteTooLong(NOTE_MAX_LENGTH)),
  })
  .superRefine((v, ctx) => {
    if (v.to === "RESOLVED" && (v.resolution?.length ?? 0) < RESOLUTION_MIN_LENGTH) {
      ctx.addIssue({ code: "custom", path: ["resolution"], message: supportMessages.enterResolution });
    }
  });
export type TChangeTicketStatusInput = z.output<typeof ZChangeTicketStatusInput>;

export const TICKET_CONFLICT_MESSAGE = supportMessages.ticketConflict;

/**
 * Moves a ticket along open → in progress → resolved (or back, see the domain's transitions).
 * Resolving requires the resolution, which the learner sees under /help; reopening clears it and
 * keeps it as a note. Compare-and-set on the status the staff member saw, so two people working
 * one ticket cannot overwrite each other unseen. The change, its note and its audit row commit
 * together.
 */
export async function changeTicketStatus(
  staff: CurrentStaff,
  input: TChangeTicketStatusInput,
  ip: string | null,
  now: Date = new Date(),
): Promise<{ reference: string; status: TChangeTicketStatusInput["to"] }> {
  assertSupportStaff(staff);
  const reference = normalizeProblemReference(input.reference);
  if (!reference) throw new AppError("NOT_FOUND", supportMessages.ticketNotFound);
  if (!canChangeTicketStatus(input.from, input.to)) {
    throw new AppError("INVALID_TRANSITION");
  }
  return getDb().$transaction(async (tx) => {
    const report = await tx.problemReport.findUnique({
      where: { reference },
      select: { id: true, learnerId: true, resolution: true },
    });
    if (!report) throw new AppError("NOT_FOUND", supportMessages.ticketNotFound);
    const resolved = input.to === "RESOLVED";
    const { count } = await tx.problemReport.updateMany({
      where: { id: report.id, status: input.from },
      data: {
        status: input.to,
        resolution: resolved ? (input.resolution ?? null) : null,
        resolvedAt: resolved ? now : null,
      },
    });
    if (count === 0) throw new AppError("CONFLICT", TICKET_CONFLICT_MESSAGE);
    const notes = [
      input.from === "RESOLVED" && report.resolution ? supportMessages.reopenedNote(report.resolution) : null,
      input.note ?? null,
    ].filter((body): body is string => body !== null);
    for (const body of notes) {
      await tx.problemNote.create({ data: { reportId: report.id, staffId: staff.id, body, createdAt: now } });
    }
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staff.id,
        action: "support.ticket.update",
        targetType: "ProblemReport",
        targetId: reference,
        ip,
        outcome: "SUCCESS",
        details: {
          reference,
          learnerId: report.learnerId,
          from: input.from,
          to: input.to,
          ...(resolved && input.resolution ? { resolution: input.resolution } : {}),
          ...(input.note ? { note: input.note } : {}),
        },
      },
      tx,
    );
    return { reference, status: input.to };
  });
}
