import "server-only";

/**
 * The client's address for throttling and the audit log: the right-most X-Forwarded-For entry,
 * i.e. the one added by the nearest proxy (the load balancer, or Next.js itself), which a
 * client cannot forge.
 */
export function clientAddress(headers: Pick<Headers, "get">): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").pop()?.trim();
  return last || headers.get("x-real-ip") || null;
}
