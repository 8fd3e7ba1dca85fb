import "server-only";
import { z } from "zod";
import { normalizeProblemReference } from "@/domain/playback/reference";
import { NOTE_MAX_LENGTH } from "@/domain/support/tickets";
import { AppError } from "@/lib/errors";
import { scrubIdNumbers } from "@/lib/scrub";
import { recordAudit } from "@/server/audit/record-audit";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { assertSupportStaff } from "./assert-support-staff";
import { supportMessages } from "@/messages/zh-CN";

export const ZAddTicketNoteInput = z.object({
  reference: z.string().trim().min(1).max(20),
  body: z
    .string()
    .trim()
    .min(1, supportMessages.enterNote)
    .max(NOTE_MAX_LENGTH, supportMessages.noteTooLong(NOTE_MAX_LENGTH))
    // Notes are for the staff; an ID number typed into one is still masked.
    .transform(scrubIdNumbers),
});
export type TAddTicketNoteInput = z.output<typeof ZAddTicketNoteInput>;

/** A working note on a ticket (seen by staff only); the note and its audit row commit together. */
export async function addTicketNote(
  staff: CurrentStaff,
  input: TAddTicketNoteInput,
  ip: string | null,
): Promise<{ reference: string }> {
  assertSupportStaff(staff);
  const reference = normalizeProblemReference(input.reference);
  if (!reference) throw new AppError("NOT_FOUND", supportMessages.ticketNotFound);
  return getDb().$transaction(async (tx) => {
    const report = await tx.problemReport.findUnique({ where: { reference }, select: { id: true, learnerId: true } });
    if (!report) throw new AppError("NOT_FOUND", supportMessages.ticketNotFound);
    await tx.problemNote.create({ data: { reportId: report.id, staffId: staff.id, body: input.body } });
    await recordAudit(
      {
        actorType: "STAFF",
        actorId: staff.id,
        action: "support.ticket.note",
        targetType: "ProblemReport",
        targetId: reference,
        ip,
        outcome: "SUCCESS",
        details: { reference, learnerId: report.learnerId, note: input.body },
      },
      tx,
    );
    return { reference };
  });
}
