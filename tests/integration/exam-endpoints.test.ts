// The exam endpoints on real PostgreSQL (start, save an answer, hand in as JSON requests, served
// by the portal's own listener and by the Next.js routes alike): the learner comes from the
// session cookie only and must still be active, another learner's exam is not found, cross-site
// requests and malformed bodies are refused in Chinese, and nothing is changed by a refusal.
import { encode } from "next-auth/jwt";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { POST as answerRoute } from "../../src/app/api/exams/answer/route";
import { POST as startRoute } from "../../src/app/api/exams/start/route";
import { POST as submitRoute } from "../../src/app/api/exams/submit/route";
import { GENERIC_ERROR_MESSAGE } from "../../src/lib/errors";
import { logger } from "../../src/lib/logger";
import { UNREADABLE_TEXT_MESSAGE } from "../../src/lib/unreadable-text";
import { getDb } from "../../src/server/db";
import { SqlTx } from "../../src/server/sql";
import { MAX_EXAM_BODY_CHARS } from "../../src/server/exams/answer-exam-request";
import { listenerRoute } from "../../src/server/http/routes";
import { startAttempt } from "../../src/server/exams/start-attempt";
import { createStaff, examReady } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { sessionCookie as realSessionCookie } from "../support/session-cookie";

const HOST = "kjxx.example.cn";
const ORIGIN = `https://${HOST}`;
const COOKIE_NAME = "authjs.session-token";
const now = () => Math.floor(Date.now() / 1000);

/** A session cookie as next-auth issues it (claims overridable to forge expired or staff ones). */
async function sessionCookie(sub: string, claims: Record<string, unknown> = {}, maxAge = 1_800) {
  return `theme=light; ${await realSessionCookie(claims.kind === "staff" ? "staff" : "learner", sub, { claims, maxAge })}`;
}

/** The headers a browser sends with the exam page's fetch, and what a test changes of them. */
function headersOf(cookie: string | null, changes: Record<string, string | null> = {}): Headers {
  const all: Record<string, string | null> = {
    host: HOST,
    origin: ORIGIN,
    "sec-fetch-site": "same-origin",
    "content-type": "application/json",
    "x-forwarded-for": "10.1.2.3",
    cookie,
    ...changes,
  };
  const present = Object.entries(all).flatMap(([name, value]): [string, string][] =>
    value === null ? [] : [[name, value]],
  );
  return new Headers(present);
}

const ROUTES = { "/api/exams/start": startRoute, "/api/exams/answer": answerRoute, "/api/exams/submit": submitRoute };
type ExamPath = keyof typeof ROUTES;

/** A request as the portal's listener hands it to the route table's handler (production). */
const call = (path: ExamPath, cookie: string | null, body: unknown, changes?: Record<string, string | null>) =>
  listenerRoute(path).answer({
    headers: headersOf(cookie, changes),
    bodyText: typeof body === "string" ? body : JSON.stringify(body),
  });

/** The same request through the Next.js route handler (`next dev`, `next start`). */
async function callRoute(
  path: ExamPath,
  cookie: string | null,
  body: unknown,
  changes?: Record<string, string | null>,
) {
  const response = await ROUTES[path](
    new Request(ORIGIN + path, { method: "POST", headers: headersOf(cookie, changes), body: JSON.stringify(body) }),
  );
  expect(response.headers.get("cache-control")).toBe("no-store");
  return { status: response.status, body: (await response.json()) as unknown };
}

/** A learner whose study of a course with a 10-question bank is complete, and their cookie. */
async function examReadyWithCookie() {
  const { learner, course, enrollment, key } = await examReady({ bank: { single: 10 } });
  return { learner, course, enrollment, key, cookie: await sessionCookie(learner.id) };
}

const paperOf = (attemptId: string) =>
  getDb().examAttemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } });

/** Every exam row that a refused request must leave alone. */
const examState = async () => ({
  attempts: await getDb().examAttempt.findMany({ orderBy: { id: "asc" } }),
  answers: await getDb().examAttemptQuestion.findMany({ orderBy: [{ attemptId: "asc" }, { position: "asc" }] }),
  credits: await getDb().creditEntry.count(),
});

beforeAll(async () => {
  await seedReferenceData(getDb());
});

beforeEach(async () => {
  await truncateData(inject("databaseUrl"));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a learner sits an exam through the endpoints", () => {
  it("starts, saves each answer, hands in and is credited once, through the Next.js routes too", async () => {
    const { learner, enrollment, key, cookie } = await examReadyWithCookie();

    const started = await call("/api/exams/start", cookie, { enrollmentId: enrollment.id });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ ok: true, data: { enrollmentId: enrollment.id, resumed: false } });
    const attemptId = started.body.ok ? (started.body.data as { attemptId: string }).attemptId : "";
    // The same start through the Next.js route finds the open attempt.
    expect(await callRoute("/api/exams/start", cookie, { enrollmentId: enrollment.id })).toEqual({
      status: 200,
      body: { ok: true, data: { attemptId, enrollmentId: enrollment.id, resumed: true } },
    });

    // Every other answer through the route: both save the same way.
    for (const [index, q] of (await paperOf(attemptId)).entries()) {
      const optionIds = key.get(q.questionId)?.correctOptionIds ?? [];
      const input = { attemptId, questionId: q.questionId, optionIds };
      const saved = await (index % 2 === 0 ? call : callRoute)("/api/exams/answer", cookie, input);
      expect(saved).toMatchObject({ status: 200, body: { ok: true, data: { savedAt: expect.any(String) } } });
    }
    expect((await paperOf(attemptId)).every((q) => q.answer.length === 1)).toBe(true);

    // Handed in twice at once (listener and route): graded once, credited once, the same answer.
    const graded = {
      status: 200,
      body: { ok: true, data: { enrollmentId: enrollment.id, attemptId, score: 100, passed: true } },
    };
    const both = await Promise.all([
      callRoute("/api/exams/submit", cookie, { attemptId }),
      call("/api/exams/submit", cookie, { attemptId }),
    ]);
    expect(both).toEqual([graded, graded]);
    expect(await getDb().creditEntry.count({ where: { learnerId: learner.id } })).toBe(1);

    // A graded paper takes no more answers: the code the page closes the paper on.
    const [q] = await paperOf(attemptId);
    const late = await call("/api/exams/answer", cookie, { attemptId, questionId: q?.questionId, optionIds: [] });
    expect(late).toEqual({
      status: 409,
      body: { ok: false, code: "ATTEMPT_CLOSED", message: "本次考试已交卷，答案不能再修改" },
    });
  });
});

describe("authorization: the learner comes from the session cookie and must be active", () => {
  it("refuses without a session, with a staff, expired, forged or disabled learner's session", async () => {
    const { learner, enrollment, cookie } = await examReadyWithCookie();
    const staff = await createStaff({ role: "SUPPORT" });
    const forged = await encode({
      token: { sub: learner.id, kind: "learner", loginAt: now() },
      secret: "another-secret-another-secret-0123456789",
      salt: COOKIE_NAME,
    });
    const before = await examState();
    const unauthenticated = {
      status: 401,
      body: { ok: false, code: "UNAUTHENTICATED", message: "登录已失效，请重新登录" },
    };
    for (const who of [
      null,
      "theme=light",
      await sessionCookie(staff.id, { kind: "staff" }),
      await sessionCookie(learner.id, { loginAt: now() - 13 * 3600 }), // past the 12-hour limit
      await sessionCookie(learner.id, {}, -60), // idle too long: the cookie's own expiry
      `${COOKIE_NAME}=${forged}`,
    ]) {
      expect(await call("/api/exams/start", who, { enrollmentId: enrollment.id }), String(who)).toEqual(
        unauthenticated,
      );
    }
    expect(await examState()).toEqual(before);

    // Signed in, then disabled by the bureau: the very next request is refused.
    const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id });
    expect(await call("/api/exams/submit", cookie, { attemptId })).toMatchObject({ status: 200, body: { ok: true } });
    await getDb().learner.update({ where: { id: learner.id }, data: { status: "DISABLED" } });
    const disabled = await examState();
    expect(await call("/api/exams/start", cookie, { enrollmentId: enrollment.id })).toEqual(unauthenticated);
    expect(await call("/api/exams/submit", cookie, { attemptId })).toEqual(unauthenticated);
    expect(await examState()).toEqual(disabled);
  });

  it("answers another learner's exam and attempt exactly like nonexistent ones, changing nothing", async () => {
    const owner = await examReadyWithCookie();
    const other = await examReadyWithCookie();
    const { attemptId } = await startAttempt(owner.learner.id, { enrollmentId: owner.enrollment.id });
    const [first] = await paperOf(attemptId);
    const questionId = first?.questionId ?? "";
    const optionIds = owner.key.get(questionId)?.correctOptionIds ?? [];
    const before = await examState();

    const outcomes = async (enrollmentId: string, id: string) => ({
      start: await call("/api/exams/start", other.cookie, { enrollmentId }),
      save: await call("/api/exams/answer", other.cookie, { attemptId: id, questionId, optionIds }),
      submit: await call("/api/exams/submit", other.cookie, { attemptId: id }),
    });
    const theirs = await outcomes(owner.enrollment.id, attemptId);
    expect(theirs).toEqual(await outcomes("no-such-enrollment", "no-such-attempt"));
    expect(theirs).toEqual({
      start: { status: 404, body: { ok: false, code: "EXAM_NOT_FOUND", message: "未找到该课程的考试" } },
      save: { status: 404, body: { ok: false, code: "ATTEMPT_NOT_FOUND", message: "未找到该试卷" } },
      submit: { status: 404, body: { ok: false, code: "ATTEMPT_NOT_FOUND", message: "未找到该试卷" } },
    });
    expect(await examState()).toEqual(before);
  });
});

describe("cross-site requests (CSRF)", () => {
  it("are refused unless JSON from the portal's own origin, and change nothing", async () => {
    const { enrollment, cookie } = await examReadyWithCookie();
    const refused = {
      status: 403,
      body: { ok: false, code: "FORBIDDEN", message: "请求来源无效，请刷新页面后重试。" },
    };
    const cases: Record<string, string | null>[] = [
      { origin: "https://evil.example" },
      { origin: "http://kjxx.example.cn.evil.example" },
      { origin: `http://${HOST}:8080` },
      { origin: "null" },
      { origin: null, "sec-fetch-site": null },
      { origin: null, "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      { "content-type": "text/plain;charset=UTF-8" }, // a form or sendBeacon needs no preflight
      { "content-type": "application/x-www-form-urlencoded" },
      { "content-type": null },
      { host: null },
    ];
    for (const changes of cases) {
      expect(
        await call("/api/exams/start", cookie, { enrollmentId: enrollment.id }, changes),
        JSON.stringify(changes),
      ).toEqual(refused);
    }
    const crossSite = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    for (const path of ["/api/exams/start", "/api/exams/answer", "/api/exams/submit"] as const) {
      expect(await callRoute(path, cookie, { enrollmentId: enrollment.id }, crossSite), path).toEqual(refused);
    }
    expect(await getDb().examAttempt.count()).toBe(0);
  });

  it("accepts the portal's own pages: same origin, behind a proxy, or an older browser's headers", async () => {
    const { enrollment, cookie } = await examReadyWithCookie();
    const cases: Record<string, string | null>[] = [
      {},
      { "content-type": "application/json; charset=utf-8" },
      { origin: null }, // no Origin, but the browser says same-origin
      { "sec-fetch-site": null }, // no Fetch Metadata, but the Origin matches
      { host: "10.0.0.5:3000", "x-forwarded-host": HOST }, // behind the load balancer
    ];
    for (const changes of cases) {
      const outcome = await call("/api/exams/start", cookie, { enrollmentId: enrollment.id }, changes);
      expect(outcome, JSON.stringify(changes)).toMatchObject({ status: 200, body: { ok: true } });
    }
  });
});

describe("malformed requests", () => {
  it("refuses bad JSON, invalid input and oversized bodies with a Chinese message", async () => {
    const { enrollment, cookie } = await examReadyWithCookie();
    const before = await examState();
    expect(await call("/api/exams/start", cookie, "{enrollmentId:")).toEqual({
      status: 400,
      body: { ok: false, code: "INVALID_INPUT", message: "提交的内容格式不正确，请刷新页面后重试。" },
    });
    expect(await call("/api/exams/start", cookie, "")).toMatchObject({ status: 400, body: { code: "INVALID_INPUT" } });
    expect(await call("/api/exams/start", cookie, [enrollment.id])).toEqual({
      status: 400,
      body: { ok: false, code: "INVALID_INPUT", message: "请检查填写的内容" },
    });
    expect(await call("/api/exams/start", cookie, { enrollmentId: "x".repeat(41) })).toEqual({
      status: 400,
      body: { ok: false, code: "INVALID_INPUT", message: "课程编号无效" },
    });
    expect(
      await call("/api/exams/answer", cookie, { attemptId: "a", questionId: "q", optionIds: "b".repeat(50) }),
    ).toEqual({
      status: 400,
      body: { ok: false, code: "INVALID_INPUT", message: "选项编号无效" },
    });
    // A NUL (escaped in the JSON text) or a lone surrogate: refused before the database sees it.
    for (const bodyText of ['{"enrollmentId":"a\\u0000b"}', '{"enrollmentId":"\\udc00"}']) {
      expect(await call("/api/exams/start", cookie, bodyText)).toEqual({
        status: 400,
        body: { ok: false, code: "UNREADABLE_TEXT", message: UNREADABLE_TEXT_MESSAGE },
      });
    }
    expect(await listenerRoute("/api/exams/start").answer({ headers: headersOf(cookie), bodyText: null })).toEqual({
      status: 413,
      body: { ok: false, code: "TOO_LARGE", message: "提交的内容过大。" },
    });
    const oversized = await startRoute(
      new Request(`${ORIGIN}/api/exams/start`, {
        method: "POST",
        headers: headersOf(cookie),
        body: JSON.stringify({ enrollmentId: enrollment.id, padding: "考".repeat(MAX_EXAM_BODY_CHARS * 2) }),
      }),
    );
    expect(oversized.status).toBe(413);
    expect(await examState()).toEqual(before);
  });

  it("answers an unexpected failure with the generic message, logged, without its details", async () => {
    const { enrollment, cookie } = await examReadyWithCookie();
    const failure = new Error('relation "ExamAttempt" is locked at sql.ts:42');
    vi.spyOn(SqlTx.prototype, "query").mockRejectedValueOnce(failure);
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const outcome = await call("/api/exams/start", cookie, { enrollmentId: enrollment.id });
    expect(outcome).toEqual({ status: 500, body: { ok: false, code: "INTERNAL", message: GENERIC_ERROR_MESSAGE } });
    expect(JSON.stringify(outcome)).not.toMatch(/ExamAttempt|sql\.ts/);
    expect(logged).toHaveBeenCalledWith({ err: failure, action: "exam.start", ip: "10.1.2.3" }, "action failed");
  });
});
