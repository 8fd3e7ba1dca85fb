import "server-only";
import { z } from "zod";
import { RULES_START_YEAR, summarizeYear, type CreditLine } from "@/domain/credits";
import { normalizeName } from "@/domain/identity";
import { QUALIFICATIONS, yearProgress, type YearProgress } from "@/domain/learners";
import type { Prisma } from "@/generated/prisma/client";
import { currentYear as currentYearInShanghai } from "@/lib/time";
import type { CurrentStaff } from "@/server/auth/session";
import { getCreditPolicy } from "@/server/credits/get-credit-policy";
import { readReport } from "@/server/read-report";
import { learnerScope } from "@/server/staff/learner-scope";

export const LEARNERS_PER_PAGE = 20;

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
  page: optional(z.coerce.number().int().min(1).max(1_000_000)),
});
export type TLearnerListFilters = z.output<typeof ZLearnerListFilters>;

/**
 * The learner list of the administrators: filters, one page, and each learner's progress in the
 * chosen year. A bounded number of queries whatever the page size: the page, its count, and one
 * grouped sum over the ledger for the page's learners and that year, on the report pool (a
 * statement over the staff limit answers QUERY_TIMEOUT).
 */
export async function listLearners(staff: Pick<CurrentStaff, "role" | "districtId">, rawFilters: unknown) {
  const filters = ZLearnerListFilters.parse(rawFilters ?? {});
  const currentYear = currentYearInShanghai();
  const year = Math.min(filters.year ?? currentYear, currentYear);
  const page = filters.page ?? 1;
  const where: Prisma.LearnerWhereInput = {
    AND: [
      learnerScope(staff),
      filters.district ? { districtId: filters.district } : {},
      filters.status ? { status: filters.status } : {},
      filters.qualification ? { qualification: filters.qualification } : {},
      filters.employer ? { employer: { contains: filters.employer } } : {},
      // Names are stored normalized; a prefix search finds the exact name too.
      filters.name ? { name: { startsWith: normalizeName(filters.name) } } : {},
    ],
  };
  return readReport("learners.list", async (db) => {
    const [total, learners, policy] = await Promise.all([
      db.learner.count({ where }),
      db.learner.findMany({
        where,
        orderBy: [{ registeredAt: "desc" }, { id: "asc" }],
        skip: (page - 1) * LEARNERS_PER_PAGE,
        take: LEARNERS_PER_PAGE,
        select: {
          id: true,
          name: true,
          idNumberMasked: true,
          gender: true,
          employer: true,
          qualification: true,
          startYear: true,
          status: true,
          district: { select: { name: true } },
        },
      }),
      getCreditPolicy(),
    ]);
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
    return { filters, year, currentYear, page, pageSize: LEARNERS_PER_PAGE, total, rows };
  });
}
