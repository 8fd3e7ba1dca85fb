import "server-only";
import { RULES_START_YEAR } from "@/domain/credits";
import { AppError } from "@/lib/errors";
import { currentYear as currentYearInShanghai } from "@/lib/time";
import type { CurrentStaff } from "@/server/auth/session";
import { readReport } from "@/server/read-report";
import { staffMay } from "@/server/policy/staff-permissions";
import { completionScope } from "./completion-scope";
import { readCompletionCounts } from "./read-completion-counts";
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
  /** When the figures were read (they are current: ADR 0026). */
  computedAt: Date;
  totals: CompletionCounts;
  districts: Array<CompletionCounts & { districtId: number; name: string }>;
}

function counts(c: Omit<CompletionCounts, "notStarted" | "ratePercent">): CompletionCounts {
  const ratePercent = c.registered === 0 ? 0 : Math.round((c.complete / c.registered) * 1000) / 10;
  return { ...c, notStarted: c.registered - c.complete - c.inProgress, ratePercent };
}

/**
 * The completion review of a year (2018 to the current year) for the learners this
 * administrator manages: the city office sees every district, a district bureau its own.
 * Refuses anyone else. Reads the counts the database maintains (a few rows per district, only
 * the administrator's district for a district bureau), so the figures are current and there is
 * no cache (ADR 0026; `fresh` is accepted for existing callers and changes nothing).
 * On the report pool: a statement over the staff limit answers QUERY_TIMEOUT.
 */
export async function getCompletionDashboard(
  staff: Pick<CurrentStaff, "role" | "districtId">,
  year: number,
  _opts: { fresh?: boolean } = {},
): Promise<CompletionDashboard> {
  if (!staffMay(staff, "completion.review")) throw new AppError("FORBIDDEN", completionMessages.forbidden);
  const currentYear = currentYearInShanghai();
  if (!Number.isInteger(year) || year < RULES_START_YEAR || year > currentYear) {
    throw new AppError("YEAR_OUT_OF_RANGE", commonMessages.yearOutOfRange(RULES_START_YEAR, currentYear));
  }
  const scope = completionScope(staff);
  const computedAt = new Date();
  const [countRows, districts] = await readReport("completion.review", (db) =>
    Promise.all([
      readCompletionCounts(db, year, currentYear, scope),
      db.district.findMany({
        where: { kind: { not: "CITY" }, ...(staff.role === "CITY_ADMIN" ? {} : { id: staff.districtId ?? -1 }) },
        orderBy: { sortOrder: "asc" },
        select: { id: true, name: true },
      }),
    ]),
  );
  const byDistrict = new Map(countRows.map((row) => [row.districtId, row]));
  const rows = districts.map((d) => {
    const c = byDistrict.get(d.id);
    return {
      districtId: d.id,
      name: d.name,
      ...counts({
        registered: c?.registered ?? 0,
        complete: c?.complete ?? 0,
        inProgress: c?.inProgress ?? 0,
        catchUp: c?.catchUp ?? 0,
      }),
    };
  });
  const sum = (key: "registered" | "complete" | "inProgress" | "catchUp") => rows.reduce((n, r) => n + r[key], 0);
  return {
    year,
    currentYear,
    computedAt,
    totals: counts({
      registered: sum("registered"),
      complete: sum("complete"),
      inProgress: sum("inProgress"),
      catchUp: sum("catchUp"),
    }),
    districts: rows,
  };
}
