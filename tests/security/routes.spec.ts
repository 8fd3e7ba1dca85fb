// Every kind of route of the running portal (production build, real HTTP) against every kind of
// principal, with real session cookies: who is answered, who is sent to which sign-in, who is
// refused, and that every answer — pages, redirects, downloads, JSON fast paths, 404s — carries
// the headers that keep it from being sniffed or framed. The principals are this spec's own
// (other specs change the demo staff's passwords and sessions).
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { sql } from "../e2e/fixtures";
import { E2E } from "../e2e/identities";
import { TEST_SECRETS } from "../support/test-database";

const WHO = ["anonymous", "learner", "city", "district", "support"] as const;
type Who = (typeof WHO)[number];
/** A status, or a redirect's target. */
type Answer = number | `→${string}`;

const COOKIE = "__Secure-authjs.session-token";
const UNKNOWN = "cl0000000000000000unknown";
const COURSE = "COURSE";
/** Replaced by the code of a current certificate of a learner outside the district admin's Wuchang. */
const CERTIFICATE = "CERTIFICATE";

async function sessionCookie(kind: "learner" | "staff", subjectId: string): Promise<string> {
  const sid = randomUUID();
  await sql(
    `INSERT INTO "AuthSession" (id, kind, "subjectId", "createdAt") VALUES ($1::uuid, $2, $3, now() AT TIME ZONE 'UTC')`,
    [sid, kind, subjectId],
  );
  const token = await encode({
    token: { sub: subjectId, kind, loginAt: Math.floor(Date.now() / 1000), sid },
    secret: TEST_SECRETS.AUTH_SECRET,
    salt: COOKIE,
    maxAge: 1_800,
  });
  return `${COOKIE}=${token}`;
}

async function staffMember(role: "CITY_ADMIN" | "DISTRICT_ADMIN" | "SUPPORT"): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO "StaffUser" (id, username, "displayName", "passwordHash", role, "districtId", "updatedAt")
     VALUES ($1, $2, '安全测试', '!not-a-password-hash', $3::"StaffRole",
       CASE WHEN $3 = 'DISTRICT_ADMIN' THEN (SELECT id FROM "District" WHERE code = 'wuchang') END, now())
     RETURNING id`,
    [
      `sec${randomUUID().replaceAll("-", "").slice(0, 22)}`,
      `security-${role.toLowerCase()}-${randomUUID().slice(0, 6)}`,
      role,
    ],
  );
  return row!.id;
}

const everyone = (answer: Answer): Record<Who, Answer> =>
  Object.fromEntries(WHO.map((who) => [who, answer])) as Record<Who, Answer>;
const LEARNER_ONLY: Record<Who, Answer> = { ...everyone("→/login"), learner: 200 };
const LEARNER_OBJECT: Record<Who, Answer> = { ...everyone("→/login"), learner: 404 };
const ADMINS: Record<Who, Answer> = {
  anonymous: "→/staff/login",
  learner: "→/staff/login",
  city: 200,
  district: 200,
  support: "→/support",
};
const CITY: Record<Who, Answer> = { ...ADMINS, district: "→/admin" };
const ADMIN_OBJECT: Record<Who, Answer> = { ...ADMINS, city: 404, district: 404 };
const SUPPORT: Record<Who, Answer> = { ...ADMINS, district: "→/admin", support: 200 };
const ADMIN_DOWNLOAD: Record<Who, Answer> = { anonymous: 401, learner: 401, city: 200, district: 200, support: 403 };

const PAGES: [string, Record<Who, Answer>][] = [
  ["/", everyone(200)],
  ["/login", { ...everyone(200), learner: "→/" }],
  ["/help", everyone(200)],
  ["/help/contacts", everyone(200)],
  ["/courses", LEARNER_ONLY],
  ["/records", LEARNER_ONLY],
  [`/courses/${UNKNOWN}`, LEARNER_OBJECT],
  [`/learn/${UNKNOWN}`, LEARNER_OBJECT],
  [`/exams/${UNKNOWN}`, LEARNER_OBJECT],
  [`/exams/${UNKNOWN}/attempts/${UNKNOWN}`, LEARNER_OBJECT],
  ["/staff/login", { ...everyone(200), city: "→/admin", district: "→/admin", support: "→/support" }],
  ["/staff/password", { ...everyone(200), anonymous: "→/staff/login", learner: "→/staff/login" }],
  ["/admin", ADMINS],
  ["/admin/learners", ADMINS],
  ["/admin/learners/new", ADMINS],
  [`/admin/learners/${UNKNOWN}`, ADMIN_OBJECT],
  ["/admin/courses", ADMINS],
  ["/admin/courses/new", CITY],
  [`/admin/courses/${UNKNOWN}`, ADMIN_OBJECT],
  [`/admin/courses/${UNKNOWN}/lessons`, ADMIN_OBJECT],
  [`/admin/courses/${UNKNOWN}/questions`, ADMIN_OBJECT],
  // A real course (COURSE is replaced by one's id): the edit pages' own gate answers a district.
  [`/admin/courses/${COURSE}/lessons/${UNKNOWN}`, { ...ADMIN_OBJECT, district: "→/admin" }],
  [`/admin/courses/${COURSE}/questions/${UNKNOWN}`, { ...ADMIN_OBJECT, district: "→/admin" }],
  [`/admin/courses/${COURSE}/questions/new`, CITY],
  [`/admin/courses/${COURSE}/questions/import`, CITY],
  ["/admin/import", ADMINS],
  ["/admin/exports", ADMINS],
  ["/admin/districts", ADMINS],
  ["/admin/audit", ADMINS],
  ["/admin/staff", CITY],
  ["/support", SUPPORT],
  ["/support/reports", SUPPORT],
  ["/support/overview", SUPPORT],
  [`/support/learners/${UNKNOWN}`, SUPPORT],
  ["/support/reports/ABCD-EFGH", { ...SUPPORT, city: 404, support: 404 }],
  ["/admin/import/template.csv", ADMIN_DOWNLOAD],
  ["/admin/import/template.xlsx", ADMIN_DOWNLOAD],
  ["/admin/courses/question-template", ADMIN_DOWNLOAD],
  // Batches are the city office's; a district sees none, and a number beyond the column is unknown.
  ["/admin/exports/2147483648/export.csv", { ...everyone(401), city: 404, district: 404, support: 403 }],
  ["/admin/exports/2147483647/export.xlsx", { ...everyone(401), city: 404, district: 404, support: 403 }],
  ["/media/uploads/unknown.mp4", everyone(404)],
  // 学时证明: verification is public (an unknown code is a 404 for everyone); a download is the
  // learner's own or an administrator's in scope, every other principal gets the same 404.
  ["/verify", everyone(200)],
  ["/verify/7KQ2M9XD4RTAZP3C", everyone(404)],
  [`/verify/${CERTIFICATE}`, everyone(200)],
  ["/verify/key", everyone(200)],
  ["/certificates/7KQ2M9XD4RTAZP3C", { ...everyone(404), anonymous: 401 }],
  [`/certificates/${CERTIFICATE}`, { ...everyone(404), anonymous: 401, city: 200 }],
  ["/api/health", everyone(200)],
  ["/no-such-page", everyone(404)],
];

/** JSON fast paths, posted with a body of the right shape for an unknown session or attempt. */
const POSTS: [string, unknown, Record<Who, Answer>][] = [
  [
    "/api/playback/heartbeat",
    { sessionId: randomUUID(), seq: 1, positionMs: 0, event: "tick" },
    { ...everyone(401), learner: 200 },
  ],
  ["/api/exams/start", { enrollmentId: UNKNOWN }, { ...everyone(401), learner: 404 }],
  ["/api/playback/error", { kind: "media" }, { ...everyone(401), learner: 202 }],
  ["/api/playback/keepalive", {}, everyone(204)],
  // An empty upload: refused at the gate, or (the city office) for being empty.
  ["/media/uploads", "", { ...everyone(401), city: 400, district: 403, support: 403 }],
  [
    "/api/exams/answer",
    { attemptId: UNKNOWN, questionId: UNKNOWN, optionIds: [UNKNOWN] },
    { ...everyone(401), learner: 404 },
  ],
  ["/api/exams/submit", { attemptId: UNKNOWN }, { ...everyone(401), learner: 404 }],
];

/**
 * Every page and route handler under src/app, as the address pattern it serves ("[id]" for a
 * dynamic segment; route groups left out; the prebuilt signed-out pages under their public
 * addresses).
 */
function appRoutes(): { file: string; pattern: RegExp }[] {
  const root = join(import.meta.dirname, "../../src/app");
  const found: { file: string; pattern: RegExp }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^(page\.tsx|route\.ts)$/.test(entry.name)) {
        const segments = relative(root, dir)
          .split(sep)
          .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
        if (segments[0] === "signed-out") segments.shift();
        const source = segments.map((segment) => (/^\[.+\]$/.test(segment) ? "[^/]+" : segment.replaceAll(".", "\\.")));
        found.push({ file: relative(root, full), pattern: new RegExp(`^/${source.join("/")}$`) });
      }
    }
  };
  walk(root);
  return found;
}

test("[SECURITY] the matrix below covers every page and route handler of the app", () => {
  const tested = [...PAGES.map(([path]) => path), ...POSTS.map(([path]) => path)];
  const untested = appRoutes()
    .filter(({ pattern }) => !tested.some((path) => pattern.test(path)))
    .map(({ file }) => file);
  expect(untested).toEqual([]);
});

function expectProtectiveHeaders(headers: Record<string, string>, what: string) {
  expect(headers["x-content-type-options"], `${what}: nosniff`).toBe("nosniff");
  const framing =
    headers["x-frame-options"] === "DENY" || /frame-ancestors 'none'/.test(headers["content-security-policy"] ?? "");
  expect(framing, `${what}: not frameable`).toBe(true);
}

test("[SECURITY] each principal gets exactly its routes, and every answer carries the protective headers", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const [learner] = await sql<{ id: string }>(`SELECT id FROM "Learner" WHERE name = $1`, [E2E.securityLearner.name]);
  const cookies: Record<Who, string | null> = {
    anonymous: null,
    learner: await sessionCookie("learner", learner!.id),
    city: await sessionCookie("staff", await staffMember("CITY_ADMIN")),
    district: await sessionCookie("staff", await staffMember("DISTRICT_ADMIN")),
    support: await sessionCookie("staff", await staffMember("SUPPORT")),
  };
  const answered: Record<string, Record<Who, Answer>> = {};
  const expected: Record<string, Record<Who, Answer>> = {};
  const answerOf = (status: number, location: string | undefined): Answer =>
    location ? `→${new URL(location, "http://portal").pathname}` : status;

  const [course] = await sql<{ id: string }>(`SELECT id FROM "Course" ORDER BY id LIMIT 1`);
  const [certificate] = await sql<{ code: string }>(
    `SELECT c.code FROM "Certificate" c JOIN "Learner" l ON l.id = c."learnerId" JOIN "District" d ON d.id = l."districtId"
     WHERE c.state = 'VALID' AND d.code <> 'wuchang' ORDER BY c."issuedAt" LIMIT 1`,
  );
  for (const [template, answers] of PAGES) {
    const path = template.replace(COURSE, course!.id).replace(CERTIFICATE, certificate!.code);
    expected[`GET ${path}`] = answers;
    answered[`GET ${path}`] = {} as Record<Who, Answer>;
    for (const who of WHO) {
      const cookie = cookies[who];
      const response = await request.get(path, { maxRedirects: 0, headers: cookie ? { cookie } : {} });
      const headers = response.headers();
      answered[`GET ${path}`]![who] = answerOf(response.status(), headers.location);
      expectProtectiveHeaders(headers, `GET ${path} as ${who}`);
      // A refusal or a server error never shows a stack or a module path.
      if (response.status() >= 400) expect(await response.text()).not.toMatch(/\bat .+\.(js|ts):\d+|node_modules/);
    }
  }
  for (const [path, body, answers] of POSTS) {
    expected[`POST ${path}`] = answers;
    answered[`POST ${path}`] = {} as Record<Who, Answer>;
    for (const who of WHO) {
      const cookie = cookies[who];
      // From the portal's own pages (the exam paths refuse other origins).
      const headers = { origin: baseURL!, ...(cookie ? { cookie } : {}) };
      const response = await request.post(path, { data: body, headers });
      answered[`POST ${path}`]![who] = response.status();
      expectProtectiveHeaders(response.headers(), `POST ${path} as ${who}`);
    }
  }
  expect(answered).toEqual(expected);
});

test("[SECURITY] bad input on every JSON path gets a 4xx with a Chinese message, never a 500", async ({
  request,
  baseURL,
}) => {
  const [learner] = await sql<{ id: string }>(`SELECT id FROM "Learner" WHERE name = $1`, [E2E.securityLearner.name]);
  const cookie = await sessionCookie("learner", learner!.id);
  const paths = [
    "/api/playback/heartbeat",
    "/api/playback/error",
    "/api/exams/start",
    "/api/exams/answer",
    "/api/exams/submit",
  ];
  const bodies: [string, string, number, RegExp][] = [
    [
      "a NUL",
      '{"sessionId":"a\\u0000b","attemptId":"a\\u0000b","enrollmentId":"a\\u0000b","seq":1}',
      400,
      /无法识别的字符/,
    ],
    [
      "a lone surrogate",
      '{"sessionId":"\\udc00","attemptId":"\\udc00","enrollmentId":"\\udc00","seq":1}',
      400,
      /无法识别的字符/,
    ],
    ["not JSON", "{not json", 400, /[\u4e00-\u9fa5]/],
    ["the wrong shape", '[{"seq":"x"}]', 400, /[\u4e00-\u9fa5]/],
    ["an oversized body", "x".repeat(200_000), 413, /过大/],
  ];
  const answers: string[] = [];
  const expected: string[] = [];
  for (const path of paths) {
    for (const [what, body, status, message] of bodies) {
      const response = await request.post(path, {
        data: body,
        headers: { origin: baseURL!, cookie, "content-type": "application/json" },
      });
      const text = await response.text();
      const said = (JSON.parse(text) as { message?: string }).message ?? "";
      answers.push(`${path} ${what}: ${response.status()} ${message.test(said) ? "clear" : said}`);
      expected.push(`${path} ${what}: ${status} clear`);
    }
  }
  expect(answers).toEqual(expected);
});
