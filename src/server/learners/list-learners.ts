import "server-only";
import { z } from "zod";
import { RULES_START_YEAR, summarizeYear, type CreditLine } from "@/domain/credits";
import { QUALIFICATIONS, yearProgress, type YearProgress } from "@/domain/learners";
import { Prisma } from "@/generated/prisma/client";
import { currentYear as currentYearInShanghai } from "@/lib/time";
import type { CurrentStaff } from "@/server/auth/session";
import { getCreditPolicy } from "@/server/credits/get-credit-policy";
import { readReport } from "@/server/read-report";
import { decodeLearnerCursor, encodeLearnerCursor } from "./learner-list-cursor";
import { readLearnerConditions } from "./read-learner-conditions";
import { readLearnerPage, type LearnerPagePosition } from "./read-learner-page";

export const LEARNERS_PER_PAGE = 20;
/** Counted exactly up to here; beyond it the list says "more than" (ADR 0024). */
export const LEARNER_COUNT_CAP = 10_000;

// Filters come from the address bar: a bad value is dropped rather than failing the page.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || Array.isArray(v) ? undefined : v), schema.optional()).catch(undefined);

export const ZLearnerListFilters = z.object({
  year: optional(z.coerce.number().int().min(RULES_START_YEAR).max(2100)),
  district: optional(z.coerce.number().int().positive()),
  status: optional(z.enum(["ACTIVE", "DISABLED"])),
  qualification: optional(z.enum(QUALIFICATIONS)),
  employer: optional(z.string().trim().min(1).max(100)),
  name: optional(z.string().trim().min(1).max(50)),
  /** The chosen year's current certificate (学时证明): held or not. */
  certificate: optional(z.enum(["WITH", "WITHOUT"])),
  // Where the page starts: opaque cursors of the pager's links, the last page, or a date.
  after: optional(z.string().max(400)),
  before: optional(z.string().max(400)),
  last: optional(z.literal("1")),
  until: optional(z.iso.date()),
});
export type TLearnerListFilters = z.output<typeof ZLearnerListFilters>;

const DAY_MS = 86_400_000;

/** The page asked for; a cursor that does not decode is the first page, never an error. */
function pagePosition(filters: TLearnerListFilters): LearnerPagePosition {
  const after = decodeLearnerCursor(filters.after);
  if (after) return { kind: "after", cursor: after };
  const before = decodeLearnerCursor(filters.before);
  if (before) return { kind: "before", cursor: before };
  if (filters.last) return { kind: "last" };
  // Registered on or before that day in Wuhan: before the next day's midnight there.
  if (filters.until) return { kind: "until", before: new Date(Date.parse(`${filters.until}T00:00:00+08:00`) + DAY_MS) };
  return { kind: "first" };
}

/**
 * The learner list of the administrators: filters, one keyset page newest registration first,
 * and each learner's progress in the chosen year. A bounded number of queries whatever the
 * list's length: the page (and a one-row probe of the other side), a count that stops at
 * LEARNER_COUNT_CAP, and one grouped sum over the ledger for the page's learners and that year,
 * on the report pool (a statement over the staff limit answers QUERY_TIMEOUT).
 */
export async function listLearners(staff: Pick<CurrentStaff, "role" | "districtId">, rawFilters: unknown) {
  const filters = ZLearnerListFilters.parse(rawFilters ?? {});
  const currentYear = currentYearInShanghai();
  const year = Math.min(filters.year ?? currentYear, currentYear);
  const conditions = readLearnerConditions(staff, {
    ...filters,
    certificate: filters.certificate ? { held: filters.certificate === "WITH", year } : undefined,
  });
  const position = pagePosition(filters);
  return readReport("learners.list", async (db) => {
    const [counted, found, policy] = await Promise.all([
      db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS "n"
        FROM (SELECT 1 FROM "Learner" l WHERE ${Prisma.join(conditions, " AND ")} LIMIT ${LEARNER_COUNT_CAP + 1}) capped`,
      readLearnerPage(db, conditions, position, LEARNERS_PER_PAGE),
      getCreditPolicy(),
    ]);
    // A cursor past every row (its rows deleted since) shows the first page instead of nothing.
    const page =
      found.rows.length === 0 && position.kind !== "first"
        ? await readLearnerPage(db, conditions, { kind: "first" }, LEARNERS_PER_PAGE)
        : found;
    const learners = page.rows;
    const sums = learners.length
      ? await db.creditEntry.groupBy({
          by: ["learnerId", "category"],
          where: { year, learnerId: { in: learners.map((l) => l.id) } },
          _sum: { credits: true },
        })
      : [];
    const linesByLearner = new Map<string, CreditLine[]>();
    for (const sum of sums) {
      const line = { year, category: sum.category, credits: sum._sum.credits ?? 0 };
      linesByLearner.set(sum.learnerId, [...(linesByLearner.get(sum.learnerId) ?? []), line]);
    }
    const rows = learners.map((learner) => {
      const summary = summarizeYear(linesByLearner.get(learner.id) ?? [], year, policy);
      const progress: YearProgress = yearProgress(summary, learner.startYear, currentYear);
      return {
        ...learner,
        year: { totalCredits: summary.totalCredits, professionalCredits: summary.professionalCredits, progress },
      };
    });
    const n = counted[0]?.n ?? 0;
    const first = learners[0];
    const last = learners.at(-1);
    return {
      filters,
      year,
      currentYear,
      pageSize: LEARNERS_PER_PAGE,
      /** Exact below the cap; LEARNER_COUNT_CAP with `totalCapped` beyond it. */
      total: Math.min(n, LEARNER_COUNT_CAP),
      totalCapped: n > LEARNER_COUNT_CAP,
      rows,
      /** The pager's cursors: null where no page lies that way. */
      previous: page.hasPrevious && first ? encodeLearnerCursor(first) : null,
      next: page.hasNext && last ? encodeLearnerCursor(last) : null,
    };
  });
}
