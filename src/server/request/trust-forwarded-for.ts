import type { IncomingHttpHeaders } from "node:http";

/** An address as the socket reports it, without the IPv4-in-IPv6 prefix. */
const plain = (address: string) => address.toLowerCase().replace(/^::ffff:/, "");

/**
 * Makes X-Forwarded-For trustworthy before Next.js sees a request: a request from one of the
 * trusted proxies (the load balancer in front) keeps the header that proxy appended to; any other
 * request gets the socket's own address instead, so a client connecting directly cannot choose
 * the address that login throttling and the audit log see (`clientAddress` reads the right-most
 * entry). Changes `headers` in place.
 */
export function trustForwardedFor(
  headers: IncomingHttpHeaders,
  peer: string | undefined,
  trustedProxies: ReadonlySet<string>,
): void {
  const address = peer ? plain(peer) : undefined;
  if (address && trustedProxies.has(address)) {
    headers["x-forwarded-for"] ??= address;
    return;
  }
  delete headers["x-real-ip"];
  if (address) headers["x-forwarded-for"] = address;
  else delete headers["x-forwarded-for"];
}

/** The TRUSTED_PROXIES setting: comma-separated addresses. */
export function parseTrustedProxies(setting: string): Set<string> {
  return new Set(
    setting
      .split(",")
      .map((entry) => plain(entry.trim()))
      .filter(Boolean),
  );
}
