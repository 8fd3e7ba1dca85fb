// The completion review recounted from Learner and CreditYearTotal by the queries the review ran
// before its counts were maintained (tests/support/query-completion.ts), next to the
// maintained counts, for tests that hold the two equal (ADR 0026).
import { Prisma } from "../../src/generated/prisma/client";
import { normalizeCreditPolicy, obligationYears, pickPolicyRow, RULES_START_YEAR } from "../../src/domain/credits";
import { queryCatchUpCounts, queryYearCounts } from "./query-completion";
import { readCompletionCounts } from "../../src/server/completion/read-completion-counts";
import type { DbOrTx } from "../../src/server/db";

export interface Figures {
  registered: number;
  complete: number;
  inProgress: number;
  catchUp: number;
}

/** districtId → figures, rows of nothing but zeros left out (the two sides differ in those). */
export type FiguresByDistrict = Record<number, Figures>;

function keep(rows: ReadonlyArray<Figures & { districtId: number }>): FiguresByDistrict {
  const out: FiguresByDistrict = {};
  for (const { districtId, ...f } of rows) {
    if (f.registered || f.complete || f.inProgress || f.catchUp) out[districtId] = f;
  }
  return out;
}

/** The old full recount of `year` (catch-up as of `currentYear`), the city or one district. */
export async function readCompletionRecount(
  db: DbOrTx,
  year: number,
  currentYear: number,
  districtId?: number,
): Promise<FiguresByDistrict> {
  const policy = normalizeCreditPolicy(await db.creditPolicy.findMany());
  const scope = districtId === undefined ? Prisma.sql`TRUE` : Prisma.sql`l."districtId" = ${districtId}`;
  const priorRules = obligationYears(RULES_START_YEAR, currentYear - 1).map((y) => ({
    year: y,
    rule: pickPolicyRow(policy, y),
  }));
  const [years, catchUps] = await Promise.all([
    queryYearCounts(db, year, pickPolicyRow(policy, year), scope),
    queryCatchUpCounts(db, currentYear, priorRules, scope),
  ]);
  const byDistrict = new Map<number, Figures & { districtId: number }>();
  const row = (id: number) => {
    let r = byDistrict.get(id);
    if (!r) byDistrict.set(id, (r = { districtId: id, registered: 0, complete: 0, inProgress: 0, catchUp: 0 }));
    return r;
  };
  for (const y of years)
    Object.assign(row(y.districtId), { registered: y.registered, complete: y.complete, inProgress: y.inProgress });
  for (const c of catchUps) row(c.districtId).catchUp = c.catchUp;
  return keep([...byDistrict.values()]);
}

/** The maintained counts, read as the review reads them, in the same shape. */
export async function readMaintained(
  db: DbOrTx,
  year: number,
  currentYear: number,
  districtId?: number,
): Promise<FiguresByDistrict> {
  const scope = districtId === undefined ? Prisma.sql`TRUE` : Prisma.sql`c."districtId" = ${districtId}`;
  return keep(await readCompletionCounts(db, year, currentYear, scope));
}
