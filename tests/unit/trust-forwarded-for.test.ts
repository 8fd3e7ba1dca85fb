// The client address that login throttling and the audit log see, and the host and protocol of
// URLs, cannot be chosen by a client that connects directly; behind a trusted load balancer
// (an address or a network), the balancer's headers are kept.
import { describe, expect, it } from "vitest";
import { parseTrustedProxies, trustForwardedFor } from "../../src/server/request/trust-forwarded-for";
import { clientAddress } from "../../src/server/request/client-address";

const seen = (headers: Record<string, string | undefined>) =>
  clientAddress(new Headers(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined)));

describe("trustForwardedFor", () => {
  it("replaces a forged X-Forwarded-For and X-Real-IP of a direct client with its socket address", () => {
    const headers: Record<string, string | undefined> = { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" };
    trustForwardedFor(headers, "::ffff:203.0.113.9", parseTrustedProxies(""));
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
    trustForwardedFor(headers, undefined, parseTrustedProxies(""));
    expect(headers["x-forwarded-for"]).toBeUndefined();
  });

  it("reads an empty setting as no trusted proxy", () => {
    expect(parseTrustedProxies("").size).toBe(0);
    const proxies = parseTrustedProxies("::ffff:10.0.0.5,fd00::1");
    expect(proxies.size).toBe(2);
    expect(proxies.has("10.0.0.5")).toBe(true);
    expect(proxies.has("fd00::1")).toBe(true);
    expect(proxies.has("10.0.0.6")).toBe(false);
  });

  it("trusts whole networks given in CIDR notation, and nothing outside them", () => {
    const proxies = parseTrustedProxies("10.1.0.0/16, fd00:1::/32, 192.0.2.7/32");
    for (const inside of ["10.1.0.1", "10.1.255.254", "fd00:1::9", "fd00:1:ffff::1", "192.0.2.7"])
      expect(proxies.has(inside)).toBe(true);
    for (const outside of ["10.2.0.1", "10.0.255.255", "fd00:2::1", "192.0.2.8", "not an address"])
      expect(proxies.has(outside)).toBe(false);
    const headers: Record<string, string | undefined> = { "x-forwarded-for": "198.51.100.7" };
    trustForwardedFor(headers, "::ffff:10.1.2.3", proxies);
    expect(seen(headers)).toBe("198.51.100.7");
  });

  it("refuses a setting entry that is not an address or network, naming it", () => {
    for (const bad of ["10.0.0", "10.0.0.0/33", "fd00::/129", "10.0.0.0/", "10.0.0.0/8/8", "::g"]) {
      expect(() => parseTrustedProxies(`10.0.0.5, ${bad}`)).toThrow(`"${bad}"`);
    }
  });

  it("removes the host, protocol and port a direct client claims; keeps those of a trusted proxy", () => {
    const claimed = () => ({
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "http",
      "x-forwarded-port": "8080",
      forwarded: "for=1.2.3.4;host=evil.example",
      host: "kjxx.wuhan.gov.cn",
    });
    const direct: Record<string, string | undefined> = claimed();
    trustForwardedFor(direct, "203.0.113.9", parseTrustedProxies("10.0.0.0/8"));
    expect(direct).toEqual({ host: "kjxx.wuhan.gov.cn", "x-forwarded-for": "203.0.113.9" });
    const proxied: Record<string, string | undefined> = claimed();
    trustForwardedFor(proxied, "10.0.0.5", parseTrustedProxies("10.0.0.0/8"));
    expect(proxied).toEqual({ ...claimed(), "x-forwarded-for": "10.0.0.5" });
  });
});
