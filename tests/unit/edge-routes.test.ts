// The route table (src/server/http/routes.ts) against the two things that must agree with it
// but cannot read it: proxy.ts's matcher, a literal that Next.js reads at build time, and the
// Next.js routes that serve the listener's paths under `next dev`.
import { readFileSync } from "node:fs";
import * as pageStaticInfo from "next/dist/build/analysis/get-page-static-info";
import type { ProxyMatcher } from "next/dist/build/analysis/get-page-static-info";
import { describe, expect, it } from "vitest";
import { config } from "../../src/proxy";
import { EDGE_ROUTES } from "../../src/server/http/routes";

// Next.js's own compilation of a matcher into the regular expression it tests paths with
// (exported by the module, not by its types).
const { getMiddlewareMatchers } = pageStaticInfo as unknown as {
  getMiddlewareMatchers: (matcher: string[], nextConfig: { basePath: string }) => ProxyMatcher[];
};
const matchers = getMiddlewareMatchers(config.matcher, { basePath: "" });

/** Whether proxy.ts runs for a path, as Next.js decides it. */
const proxied = (path: string) => matchers.some((matcher) => new RegExp(matcher.regexp).test(path));

describe("proxy.ts's matcher and the route table", () => {
  it("leaves out every path the listener answers before Next.js", () => {
    const answered = EDGE_ROUTES.filter((r) => r.answeredBy === "listener").map((r) => r.path);
    expect(answered.length).toBeGreaterThan(0);
    for (const path of answered) {
      expect(proxied(path), path).toBe(false);
      expect(proxied(`${path}/`), `${path}/`).toBe(false);
    }
  });

  it("runs for the table's paths that must pass through it, and for pages", () => {
    const throughProxy = EDGE_ROUTES.filter((r) => r.answeredBy === "next").map((r) => r.path);
    expect(throughProxy).toContain("/api/playback/keepalive");
    for (const path of [...throughProxy, "/", "/exams", "/api/playback/error"]) expect(proxied(path), path).toBe(true);
  });
});

describe("the Next.js routes at the table's paths", () => {
  it("serve each listener path with the table's own entry, and the other paths exist", () => {
    for (const route of EDGE_ROUTES) {
      const file = readFileSync(new URL(`../../src/app${route.path}/route.ts`, import.meta.url), "utf8");
      if (route.answeredBy === "listener") expect(file, route.path).toContain(`nextRoute("${route.path}")`);
      else expect(file, route.path).toMatch(/export (async )?function POST/);
    }
  });
});
