import "server-only";
import type { InputJsonValue } from "@/generated/prisma/internal/prismaNamespace";
import { recordAudit } from "@/server/audit/record-audit";
import type { CourseActor } from "./course-actor";
import type { CourseTx } from "./lock-course";

/** One audit row of a catalogue change, committed with the change itself. */
export async function recordCourseAudit(
  tx: CourseTx,
  actor: CourseActor,
  action: string,
  target: { type: "Course" | "Lesson" | "Question"; id: string },
  details: InputJsonValue,
): Promise<void> {
  await recordAudit(
    {
      actorType: "STAFF",
      actorId: actor.id,
      action,
      targetType: target.type,
      targetId: target.id,
      ip: actor.ip,
      outcome: "SUCCESS",
      details,
    },
    tx,
  );
}
