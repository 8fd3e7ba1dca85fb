import "server-only";
import { getDb } from "@/server/db";

/** Every ledger line of one learner, newest year first, for reading (records pages). */
export function listLedgerLines(learnerId: string) {
  return getDb().creditEntry.findMany({
    where: { learnerId },
    orderBy: [{ year: "desc" }, { recordedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      year: true,
      category: true,
      credits: true,
      source: true,
      activityType: true,
      note: true,
      recordedAt: true,
      course: { select: { title: true } },
    },
  });
}
