// The client address that login throttling and the audit log see cannot be chosen by a client
// that connects directly; behind a trusted load balancer, the balancer's header is kept.
import { describe, expect, it } from "vitest";
import { parseTrustedProxies, trustForwardedFor } from "../../src/server/request/trust-forwarded-for";
import { clientAddress } from "../../src/server/request/client-address";

const seen = (headers: Record<string, string | undefined>) =>
  clientAddress(new Headers(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined)));

describe("trustForwardedFor", () => {
  it("replaces a forged X-Forwarded-For and X-Real-IP of a direct client with its socket address", () => {
    const headers: Record<string, string | undefined> = { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" };
    trustForwardedFor(headers, "::ffff:203.0.113.9", new Set());
    expect(headers).toEqual({ "x-forwarded-for": "203.0.113.9" });
    expect(seen(headers)).toBe("203.0.113.9");
  });

  it("keeps the header of a trusted proxy, whose own entry is the right-most one", () => {
    const headers: Record<string, string | undefined> = { "x-forwarded-for": "1.2.3.4, 198.51.100.7" };
    trustForwardedFor(headers, "10.0.0.5", parseTrustedProxies(" 10.0.0.5 , 10.0.0.6"));
    expect(seen(headers)).toBe("198.51.100.7");
  });

  it("gives a trusted proxy's request without the header the proxy's own address; compares addresses in any case", () => {
    const headers: Record<string, string | undefined> = {};
    trustForwardedFor(headers, "FD00::1", parseTrustedProxies("fd00::1"));
    expect(headers["x-forwarded-for"]).toBe("fd00::1");
  });

  it("removes the header when the socket has no address", () => {
    const headers: Record<string, string | undefined> = { "x-forwarded-for": "1.2.3.4" };
    trustForwardedFor(headers, undefined, new Set());
    expect(headers["x-forwarded-for"]).toBeUndefined();
  });

  it("reads an empty setting as no trusted proxy", () => {
    expect(parseTrustedProxies("").size).toBe(0);
    expect([...parseTrustedProxies("::ffff:10.0.0.5,fd00::1")]).toEqual(["10.0.0.5", "fd00::1"]);
  });
});
