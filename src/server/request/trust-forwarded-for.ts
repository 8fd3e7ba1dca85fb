import type { IncomingHttpHeaders } from "node:http";
import { BlockList, isIP } from "node:net";

/** An address as the socket reports it, without the IPv4-in-IPv6 prefix. */
const plain = (address: string) => address.toLowerCase().replace(/^::ffff:/, "");

/** Headers in which a proxy tells what the client asked for; believed from trusted proxies only. */
const FORWARDED_HEADERS = ["x-real-ip", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

/** The proxies whose forwarded headers are believed: addresses and networks (CIDR). */
export interface TrustedProxies {
  readonly size: number;
  has(address: string): boolean;
}

/**
 * Makes the forwarded headers trustworthy before Next.js sees a request: a request from one of
 * the trusted proxies (the load balancer in front) keeps them; any other request loses them and
 * gets the socket's own address as X-Forwarded-For, so a client connecting directly can choose
 * neither the address that login throttling and the audit log see (`clientAddress` reads the
 * right-most entry) nor the host and protocol Next.js and next-auth build URLs from. Changes
 * `headers` in place.
 */
export function trustForwardedFor(
  headers: IncomingHttpHeaders,
  peer: string | undefined,
  trustedProxies: TrustedProxies,
): void {
  const address = peer ? plain(peer) : undefined;
  if (address && trustedProxies.has(address)) {
    headers["x-forwarded-for"] ??= address;
    return;
  }
  for (const name of FORWARDED_HEADERS) delete headers[name];
  if (address) headers["x-forwarded-for"] = address;
  else delete headers["x-forwarded-for"];
}

/**
 * The TRUSTED_PROXIES setting: comma-separated addresses and networks (10.0.0.5, 10.0.0.0/24,
 * fd00::/64). Throws an Error naming an entry that is neither, so that the server does not start
 * with a setting it would silently misread.
 */
export function parseTrustedProxies(setting: string): TrustedProxies {
  const list = new BlockList();
  let size = 0;
  for (const raw of setting.split(",")) {
    const entry = plain(raw.trim());
    if (!entry) continue;
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (
      !family ||
      extra !== undefined ||
      (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits)) ||
      prefix === ""
    ) {
      throw new Error(
        `TRUSTED_PROXIES: "${raw.trim()}" is not an IP address or network (e.g. 10.0.0.5 or 10.0.0.0/24)`,
      );
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
    size++;
  }
  return {
    size,
    has: (address) => {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
    },
  };
}
