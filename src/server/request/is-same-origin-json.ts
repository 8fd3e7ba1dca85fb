import "server-only";

/** What the checks read of a request's headers (a Fetch `Headers` is one). */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * Whether a state-changing JSON request comes from the portal's own pages (CSRF protection of
 * the endpoints that Next.js's server-action Origin check no longer covers). Required:
 * - `Content-Type: application/json`, which a cross-site page cannot send without a CORS
 *   preflight that the portal never answers;
 * - `Sec-Fetch-Site`, when the browser sends it, saying `same-origin`;
 * - an `Origin` whose host is the request's own (X-Forwarded-Host behind a proxy, else Host, as
 *   Next.js compares it for server actions), or, without an Origin, `Sec-Fetch-Site: same-origin`.
 */
export function isSameOriginJson(headers: HeaderReader): boolean {
  const contentType = headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  if (contentType !== "application/json") return false;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return false;
  const origin = headers.get("origin");
  if (origin === null) return fetchSite === "same-origin";
  return isOwnOrigin(headers);
}

/**
 * Whether the request's `Origin` names the request's own host (X-Forwarded-Host behind a proxy,
 * else Host, as Next.js compares it for server actions). False without an Origin.
 */
export function isOwnOrigin(headers: HeaderReader): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",", 1)[0]?.trim().toLowerCase();
  if (!host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host;
  } catch {
    return false; // "null" (a sandboxed frame, a privacy-sensitive redirect) or nonsense
  }
}
