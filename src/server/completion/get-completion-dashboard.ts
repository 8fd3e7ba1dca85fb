import "server-only";
import { obligationYears, pickPolicyRow, RULES_START_YEAR } from "@/domain/credits";
import { AppError } from "@/lib/errors";
import { currentYear as currentYearInShanghai } from "@/lib/time";
import type { CurrentStaff } from "@/server/auth/session";
import { getCreditPolicy } from "@/server/credits/get-credit-policy";
import { readReport } from "@/server/read-report";
import { staffMay } from "@/server/policy/staff-permissions";
import { completionScope } from "./completion-scope";
import { queryCatchUpCounts, queryYearCounts } from "./query-completion";
import { shortCache } from "./short-cache";
import { commonMessages, completionMessages } from "@/messages/zh-CN";

export interface CompletionCounts {
  /** Active learners for whom the year is an obligation year. */
  registered: number;
  complete: number;
  /** Some credits in the year, not complete. */
  inProgress: number;
  /** No (net) credits in the year. */
  notStarted: number;
  /** Whose active year is before the current one (补学), whatever the year shown. */
  catchUp: number;
  /** complete / registered, 0..100; 0 when nobody is registered. */
  ratePercent: number;
}

export interface CompletionDashboard {
  year: number;
  currentYear: number;
  /** When the older of the figures shown was computed. */
  computedAt: Date;
  totals: CompletionCounts;
  districts: Array<CompletionCounts & { districtId: number; name: string }>;
}

// The dashboard is the administrators' landing page and its aggregates read every learner in
// scope: a minute of staleness per instance (the page says when it was computed) spares the
// database. Catch-up does not depend on the year shown, so it is cached apart from the year.
const CACHE_MS = 60_000;
const yearCache = shortCache<Awaited<ReturnType<typeof queryYearCounts>>>(CACHE_MS);
const catchUpCache = shortCache<Awaited<ReturnType<typeof queryCatchUpCounts>>>(CACHE_MS);

function counts(c: Omit<CompletionCounts, "notStarted" | "ratePercent">): CompletionCounts {
  const ratePercent = c.registered === 0 ? 0 : Math.round((c.complete / c.registered) * 1000) / 10;
  return { ...c, notStarted: c.registered - c.complete - c.inProgress, ratePercent };
}

/**
 * The completion review of a year (2018 to the current year) for the learners this
 * administrator manages: the city office sees every district, a district bureau its own.
 * Refuses anyone else. Cached per scope (and year) for a minute per instance, concurrent
 * callers sharing one computation; `fresh` skips the cache (tests, and after a bulk change).
 * On the report pool: a statement over the staff limit answers QUERY_TIMEOUT (and is not cached).
 */
export async function getCompletionDashboard(
  staff: Pick<CurrentStaff, "role" | "districtId">,
  year: number,
  opts: { fresh?: boolean } = {},
): Promise<CompletionDashboard> {
  if (!staffMay(staff, "completion.review")) throw new AppError("FORBIDDEN", completionMessages.forbidden);
  const currentYear = currentYearInShanghai();
  if (!Number.isInteger(year) || year < RULES_START_YEAR || year > currentYear) {
    throw new AppError("YEAR_OUT_OF_RANGE", commonMessages.yearOutOfRange(RULES_START_YEAR, currentYear));
  }
  const scope = completionScope(staff);
  const policy = await getCreditPolicy();
  const priorRules = obligationYears(RULES_START_YEAR, currentYear - 1).map((y) => ({
    year: y,
    rule: pickPolicyRow(policy, y),
  }));
  const [yearCounts, catchUpCounts, districts] = await readReport("completion.review", (db) =>
    Promise.all([
      yearCache(
        `${scope.key}|${year}`,
        () => queryYearCounts(db, year, pickPolicyRow(policy, year), scope.sql),
        opts.fresh,
      ),
      catchUpCache(
        `${scope.key}|${currentYear}`,
        () => queryCatchUpCounts(db, currentYear, priorRules, scope.sql),
        opts.fresh,
      ),
      db.district.findMany({
        where: { kind: { not: "CITY" }, ...(staff.role === "CITY_ADMIN" ? {} : { id: staff.districtId ?? -1 }) },
        orderBy: { sortOrder: "asc" },
        select: { id: true, name: true },
      }),
    ]),
  );
  const byDistrict = new Map(yearCounts.data.map((row) => [row.districtId, row]));
  const catchUpByDistrict = new Map(catchUpCounts.data.map((row) => [row.districtId, row.catchUp]));
  const rows = districts.map((d) => {
    const c = byDistrict.get(d.id);
    return {
      districtId: d.id,
      name: d.name,
      ...counts({
        registered: c?.registered ?? 0,
        complete: c?.complete ?? 0,
        inProgress: c?.inProgress ?? 0,
        catchUp: catchUpByDistrict.get(d.id) ?? 0,
      }),
    };
  });
  const sum = (key: "registered" | "complete" | "inProgress" | "catchUp") => rows.reduce((n, r) => n + r[key], 0);
  return {
    year,
    currentYear,
    computedAt: yearCounts.computedAt < catchUpCounts.computedAt ? yearCounts.computedAt : catchUpCounts.computedAt,
    totals: counts({
      registered: sum("registered"),
      complete: sum("complete"),
      inProgress: sum("inProgress"),
      catchUp: sum("catchUp"),
    }),
    districts: rows,
  };
}
