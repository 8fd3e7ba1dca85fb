import "server-only";
import { z } from "zod";
import { normalizeProblemReference } from "@/domain/playback/reference";
import { isLookupGrantCurrent, LOOKUP_METHOD_LABELS, lookupGrantWindow } from "@/domain/support/lookup";
import type { CurrentStaff } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { supportMessages } from "@/messages/zh-CN";

/** Why a support user may open a learner's playback view: the audited lookup, or a report. */
export type ViewGrant =
  { via: "lookup"; lookupId: string; method: string; reason: string | null } | { via: "report"; reference: string };

const ZLookupDetails = z.object({
  by: z.enum(["reference", "idNumber", "name"]),
  learnerIds: z.array(z.string()),
  reason: z.string().optional(),
  reference: z.string().optional(),
});

/**
 * A learner's page is opened either from a lookup this staff member made in the last
 * LOOKUP_GRANT_MS that found this learner (its reason is the why), or from one of the learner's
 * problem reports (the reference is the why). Anything else, e.g. a bookmarked address, gets
 * null: the learner must be looked up again, with a reason. "Recent" is the domain's rule
 * (src/domain/support/lookup.ts): the query asks for its window, and the row found is checked
 * with isLookupGrantCurrent.
 */
export async function resolveViewGrant(
  staff: Pick<CurrentStaff, "id">,
  learnerId: string,
  via: { lookupId?: string; reference?: string },
  now: Date,
): Promise<ViewGrant | null> {
  const db = getDb();
  if (via.lookupId && z.uuid().safeParse(via.lookupId).success) {
    const grantWindow = lookupGrantWindow(now);
    const lookup = await db.auditLog.findFirst({
      where: {
        actorType: "STAFF",
        actorId: staff.id,
        action: "support.lookup",
        at: { gte: grantWindow.from, lte: grantWindow.to },
        details: { path: ["lookupId"], equals: via.lookupId },
      },
      select: { at: true, details: true },
    });
    const details = ZLookupDetails.safeParse(lookup?.details);
    if (
      lookup &&
      isLookupGrantCurrent(lookup.at, now) &&
      details.success &&
      details.data.learnerIds.includes(learnerId)
    ) {
      const { by, reason, reference } = details.data;
      return {
        via: "lookup",
        lookupId: via.lookupId,
        method: LOOKUP_METHOD_LABELS[by],
        reason: reason ?? (reference ? supportMessages.grantReason(reference) : null),
      };
    }
  }
  const reference = via.reference ? normalizeProblemReference(via.reference) : null;
  if (reference) {
    const report = await db.problemReport.findFirst({ where: { reference, learnerId }, select: { reference: true } });
    if (report) return { via: "report", reference: report.reference };
  }
  return null;
}
