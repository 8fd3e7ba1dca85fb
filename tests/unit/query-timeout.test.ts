// How a cancelled statement (57014) is recognised through each driver, and how a page's error
// boundary tells a report timeout from any other failure (ADR 0022). The error shapes are the
// ones a probe against PostgreSQL 15 returned (pg_sleep under a low statement_timeout).
import { describe, expect, it } from "vitest";
import { isQueryTimeoutDigest } from "../../src/lib/errors";
import { isQueryTimeout, QueryTimeoutError } from "../../src/server/read-report";

const cancelled = { originalCode: "57014", originalMessage: "canceling statement due to statement timeout" };

describe("isQueryTimeout", () => {
  it.each([
    ["node-postgres", { code: "57014", message: "canceling statement due to statement timeout" }],
    ["Prisma raw query (P2010)", { code: "P2010", meta: { driverAdapterError: { cause: cancelled } } }],
    [
      "Prisma model query (P2039)",
      { code: "P2039", meta: { modelName: "Learner", driverAdapterError: { cause: cancelled } } },
    ],
  ])("recognises a cancelled statement from %s", (_driver, error) => {
    expect(isQueryTimeout(error)).toBe(true);
  });

  it.each([
    ["a unique violation", { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "23505" } } } }],
    ["a deadlock", { code: "40P01" }],
    ["a plain Error", new Error("57014")],
    ["nothing", undefined],
  ])("does not take %s for one", (_what, error) => {
    expect(isQueryTimeout(error)).toBe(false);
  });
});

describe("the report timeout's digest", () => {
  it("marks the error for the page's boundary, uniquely for its log line", () => {
    const [a, b] = [new QueryTimeoutError(), new QueryTimeoutError()];
    expect(a).toMatchObject({ code: "QUERY_TIMEOUT", message: "查询超时，请缩小范围后重试" });
    expect(isQueryTimeoutDigest(a.digest)).toBe(true);
    expect(a.digest).not.toBe(b.digest);
  });

  it("is not read into other digests", () => {
    expect(isQueryTimeoutDigest(undefined)).toBe(false);
    expect(isQueryTimeoutDigest("2744156403")).toBe(false);
    expect(isQueryTimeoutDigest("NEXT_HTTP_ERROR_FALLBACK;404")).toBe(false);
  });
});
