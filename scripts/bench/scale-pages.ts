// The pages npm run bench:scale (scripts/bench/scale.ts) measures at each size, who requests them,
// and the ids and depths they need, read from the seeded database.
import { createHmac } from "node:crypto";
import pg from "pg";
import { BENCH_SECRETS } from "./lib";

export type Principal = "city" | "district" | "support" | "learner";

export interface ScalePage {
  name: string;
  principal: Principal;
  path: string;
  /** Measured under wrk as well. */
  load?: boolean;
  /** Text of a page that rendered without what was asked (e.g. the support view without a grant). */
  reject?: string;
}

export interface ScaleTargets {
  subjects: Record<Principal, { kind: "learner" | "staff"; id: string }>;
  pages: ScalePage[];
}

// The demo learner 李明 (prisma/seed): the learner one signs in as, found by his ID number's HMAC.
const LEARNER_ID_NUMBER = "420102198503121238";

export async function readTargets(databaseUrl: string): Promise<ScaleTargets> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const one = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> => {
    const { rows } = await client.query<T>(sql, params);
    if (!rows[0]) throw new Error(`no row: ${sql}`);
    return rows[0];
  };
  try {
    const staff = async (username: string) =>
      (await one<{ id: string; districtId: number | null }>(
        `SELECT "id", "districtId" FROM "StaffUser" WHERE "username" = $1`,
        [username],
      )) as { id: string; districtId: number | null };
    const [city, district, support] = [await staff("cityadmin"), await staff("wuchang"), await staff("support")];
    const hmac = createHmac("sha256", Buffer.from(BENCH_SECRETS.ID_HMAC_KEY, "base64"))
      .update(LEARNER_ID_NUMBER, "utf8")
      .digest("hex");
    const learner = await one<{ id: string }>(`SELECT "id" FROM "Learner" WHERE "idNumberHmac" = $1`, [hmac]);
    // A bulk learner of the district with a long history: the admin's learner page at its fullest.
    const busy = await one<{ id: string }>(
      `SELECT e."learnerId" AS id FROM "CreditEntry" e JOIN "Learner" l ON l."id" = e."learnerId"
       WHERE l."districtId" = $1 AND l."id" LIKE 'scl%' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      [district.districtId],
    );
    const ticket = await one<{ reference: string; learnerId: string }>(
      `SELECT "reference", "learnerId" FROM "ProblemReport" WHERE "status" <> 'RESOLVED' ORDER BY "createdAt" LIMIT 1`,
    );
    const count = async (sql: string, params: unknown[] = []) => Number((await one<{ n: string }>(sql, params)).n);
    const tickets = await count(`SELECT count(*)::text AS n FROM "ProblemReport"`);
    const lastPage = (rows: number, perPage: number, max = Infinity) =>
      Math.max(1, Math.min(max, Math.ceil(rows / perPage)));

    const pages: ScalePage[] = [
      { name: "admin", principal: "city", path: "/admin", load: true },
      { name: "admin?year=2025", principal: "city", path: "/admin?year=2025" },
      { name: "learners", principal: "city", path: "/admin/learners", load: true },
      {
        name: "learners last page",
        principal: "city",
        path: "/admin/learners?last=1",
      },
      { name: "learners ?name=王", principal: "city", path: `/admin/learners?name=${encodeURIComponent("王")}` },
      {
        name: "learners ?employer=",
        principal: "city",
        path: `/admin/learners?employer=${encodeURIComponent("光谷医药")}`,
      },
      { name: "learners year+status", principal: "city", path: "/admin/learners?year=2024&status=ACTIVE" },
      { name: "learner detail", principal: "city", path: `/admin/learners/${busy.id}` },
      { name: "audit", principal: "city", path: "/admin/audit" },
      {
        name: "audit deep page",
        principal: "city",
        // The seed's log begins in 2022: its oldest entries are the deepest page.
        path: "/admin/audit?date=2022-01-15",
      },
      { name: "audit ?action=", principal: "city", path: "/admin/audit?action=support.lookup" },
      { name: "audit ?learner=", principal: "city", path: `/admin/audit?learner=${busy.id}` },
      { name: "exports", principal: "city", path: "/admin/exports" },
      { name: "courses", principal: "city", path: "/admin/courses" },
      { name: "staff", principal: "city", path: "/admin/staff" },
      { name: "districts", principal: "city", path: "/admin/districts" },
      { name: "d: admin", principal: "district", path: "/admin" },
      { name: "d: learners", principal: "district", path: "/admin/learners" },
      {
        name: "d: learners last page",
        principal: "district",
        path: "/admin/learners?last=1",
      },
      { name: "d: learner detail", principal: "district", path: `/admin/learners/${busy.id}` },
      { name: "d: audit", principal: "district", path: "/admin/audit" },
      { name: "d: audit at 2024-01-15", principal: "district", path: "/admin/audit?date=2024-01-15" },
      { name: "d: exports", principal: "district", path: "/admin/exports" },
      { name: "s: lookup", principal: "support", path: "/support" },
      { name: "s: overview", principal: "support", path: "/support/overview" },
      { name: "s: tickets", principal: "support", path: "/support/reports" },
      {
        name: "s: tickets all, last",
        principal: "support",
        path: `/support/reports?status=all&page=${lastPage(tickets, 30, 1000)}`,
      },
      { name: "s: ticket", principal: "support", path: `/support/reports/${ticket.reference}` },
      {
        name: "s: learner playback",
        principal: "support",
        path: `/support/learners/${ticket.learnerId}?report=${ticket.reference}`,
        reject: "请先查找学员",
      },
      { name: "l: dashboard", principal: "learner", path: "/", load: true },
      { name: "l: courses", principal: "learner", path: "/courses" },
      { name: "l: records", principal: "learner", path: "/records" },
      { name: "l: contacts", principal: "learner", path: "/help/contacts" },
    ];
    return {
      subjects: {
        city: { kind: "staff", id: city.id },
        district: { kind: "staff", id: district.id },
        support: { kind: "staff", id: support.id },
        learner: { kind: "learner", id: learner.id },
      },
      pages,
    };
  } finally {
    await client.end();
  }
}
