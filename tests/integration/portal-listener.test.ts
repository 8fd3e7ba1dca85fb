// The production listener over real HTTP (src/server/http/create-portal-server.ts), with a stand-in
// for Next.js: the route table's paths answered by the listener, everything else handed on,
// bodies capped (413 on a connection that closes, before the rest is read), a failure answered 500
// without its details, forwarded headers believed from trusted proxies only.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { currentYear } from "../../src/lib/time";
import { logger } from "../../src/lib/logger";
import { getDb } from "../../src/server/db";
import { createPortalServer } from "../../src/server/http/create-portal-server";
import { EDGE_ROUTES, type EdgeRoute } from "../../src/server/http/routes";
import { parseTrustedProxies } from "../../src/server/request/trust-forwarded-for";
import { createCourse, createEnrollment, createLearner, createQuestionBank } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { sessionCookie } from "../support/session-cookie";

/** What the stand-in for Next.js was handed. */
const handedToNext: { method?: string; url?: string; forwardedFor?: string | string[] }[] = [];

const failing: EdgeRoute = {
  path: "/api/test/failing",
  method: "POST",
  answeredBy: "listener",
  maxBodyChars: 100,
  answer: async () => {
    throw new Error('relation "ExamAttempt" is locked at sql.ts:42');
  },
};

const server = createPortalServer({
  handleNext: (request, response) => {
    handedToNext.push({ method: request.method, url: request.url, forwardedFor: request.headers["x-forwarded-for"] });
    response.writeHead(200, { "content-type": "text/plain" });
    response.end("next");
  },
  trustedProxies: parseTrustedProxies(""),
  routes: [...EDGE_ROUTES, failing],
});
let port = 0;
// Connections kept open between requests, as browsers and load balancers keep them.
const agent = new http.Agent({ keepAlive: true });

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * One request; `body` a string, or "endless" for a body that never ends (chunks written until
 * the answer arrives).
 */
function request(
  method: string,
  path: string,
  body: string | "endless" = "",
  headers: http.OutgoingHttpHeaders = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const endless = body === "endless";
    const sent = endless ? {} : { "content-length": Buffer.byteLength(body) };
    const req = http.request({ host: "127.0.0.1", port, method, path, headers: { ...sent, ...headers }, agent });
    let writing: NodeJS.Timeout | undefined;
    req.on("response", (response) => {
      clearInterval(writing);
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        if (endless) req.destroy();
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
      });
    });
    req.on("error", reject);
    if (endless) writing = setInterval(() => req.write("x".repeat(16 * 1024)), 1);
    else req.end(body);
  });
}

/** The headers the exam page's fetch sends. */
const examHeaders = (cookie = "") => ({
  origin: `http://127.0.0.1:${port}`,
  "sec-fetch-site": "same-origin",
  "content-type": "application/json",
  cookie,
});

beforeAll(async () => {
  await truncateData(inject("databaseUrl"));
  await seedReferenceData(getDb());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  handedToNext.length = 0;
  vi.restoreAllMocks();
});

describe("the portal's listener", () => {
  it("answers the table's listener paths itself, as JSON that no cache keeps, never sniffed nor framed", async () => {
    const beat = await request("POST", "/api/playback/heartbeat", "{}");
    expect(beat.status).toBe(401);
    expect(JSON.parse(beat.text)).toEqual({ error: "unauthenticated", message: "登录已失效，请重新登录" });
    expect(beat.headers).toMatchObject({
      "content-type": "application/json",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
    });
    expect(beat.headers.connection).not.toBe("close");
    // A query string does not change the path; a cross-site exam request is refused in Chinese.
    const crossSite = await request("POST", "/api/exams/start?from=page", "{}", { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(JSON.parse(crossSite.text)).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "请求来源无效，请刷新页面后重试。",
    });
    expect(handedToNext).toEqual([]);
  });

  it("starts an exam for the learner of the session cookie", async () => {
    const learner = await createLearner({ startYear: currentYear() });
    const course = await createCourse({ category: "PROFESSIONAL", credits: 12 });
    await createQuestionBank(course.id, { single: 10 });
    const enrollment = await createEnrollment(learner.id, course.id, {
      creditYear: currentYear(),
      status: "EXAM_PENDING",
    });
    const body = JSON.stringify({ enrollmentId: enrollment.id });
    const started = await request(
      "POST",
      "/api/exams/start",
      body,
      examHeaders(await sessionCookie("learner", learner.id)),
    );
    expect(started.status).toBe(200);
    expect(JSON.parse(started.text)).toMatchObject({ ok: true, data: { enrollmentId: enrollment.id, resumed: false } });
  });

  it("hands everything else to Next.js: other paths, other methods, the keep-alive", async () => {
    const passed = await Promise.all([
      request("GET", "/exams"),
      request("GET", "/api/playback/heartbeat"),
      request("POST", "/api/playback/keepalive"),
      request("POST", "/api/playback/heartbeat/extra", "{}"),
    ]);
    expect(passed.map((a) => [a.status, a.text])).toEqual(Array(4).fill([200, "next"]));
    expect(handedToNext.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      "GET /api/playback/heartbeat",
      "GET /exams",
      "POST /api/playback/heartbeat/extra",
      "POST /api/playback/keepalive",
    ]);
  });

  it("refuses a server action from a foreign origin (403) or over the body limit (413), in Chinese", async () => {
    const warned = vi.spyOn(logger, "warn");
    const action = { "next-action": "0123abcd", host: "127.0.0.1" };
    const foreign = await request("POST", "/admin/import", "x", { ...action, origin: "https://evil.example" });
    expect(foreign).toMatchObject({ status: 403, text: "请求来源无效，请刷新页面后重试。" });
    expect(foreign.headers["x-content-type-options"]).toBe("nosniff");
    expect(foreign.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(warned).toHaveBeenCalledWith(
      expect.objectContaining({ origin: "https://evil.example" }),
      expect.any(String),
    );
    const tooLarge = await request("POST", "/admin/import", "x", {
      ...action,
      "content-length": String(7 * 1024 * 1024),
    });
    expect(tooLarge).toMatchObject({ status: 413, headers: { connection: "close" } });
    expect(tooLarge.text).toContain("文件过大");
    expect(handedToNext).toEqual([]);
    // The portal's own pages' actions, and everything without the header, go on to Next.js.
    const own = await request("POST", "/admin/import", "x", {
      ...action,
      origin: `http://127.0.0.1:${port}`,
      host: `127.0.0.1:${port}`,
    });
    expect(own.text).toBe("next");
    expect((await request("POST", "/login", "x".repeat(10))).text).toBe("next");
  });

  it("refuses an oversized body with 413 on a connection that closes, without reading it all", async () => {
    const closed = { status: 413, headers: { connection: "close" } };
    // Endless: only a reader that stops answers at all.
    const endless = await request("POST", "/api/playback/heartbeat", "endless");
    expect(endless).toMatchObject(closed);
    expect(JSON.parse(endless.text)).toEqual({ error: "too large", message: "提交的内容过大。" });
    const declared = await request("POST", "/api/playback/heartbeat", "{}", { "content-length": "9999999" });
    expect(declared).toMatchObject(closed);
    // The limit is in characters: 1,001 of them are too many, though well under 4,000 bytes.
    expect(await request("POST", "/api/playback/heartbeat", "x".repeat(1_001))).toMatchObject(closed);
    expect(await request("POST", "/api/playback/heartbeat", "考".repeat(1_000))).toMatchObject({ status: 401 });
    const exam = await request("POST", "/api/exams/answer", "endless", examHeaders());
    expect(exam).toMatchObject(closed);
    expect(JSON.parse(exam.text)).toEqual({ ok: false, code: "TOO_LARGE", message: "提交的内容过大。" });
  });

  it("answers a failure with a bare 500, logged, its details kept from the client", async () => {
    const logged = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    const failed = await request("POST", "/api/test/failing", "{}");
    expect(failed).toMatchObject({ status: 500, text: "" });
    expect(JSON.stringify(failed)).not.toMatch(/ExamAttempt|sql\.ts/);
    expect(logged).toHaveBeenCalledWith(
      { err: expect.objectContaining({ message: expect.stringContaining("sql.ts") }), path: failing.path },
      "edge request failed",
    );
  });

  it("believes no forwarded header of a client that is not a trusted proxy", async () => {
    await request("GET", "/", "", { "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.example" });
    expect(handedToNext).toEqual([{ method: "GET", url: "/", forwardedFor: "127.0.0.1" }]);
  });
});
