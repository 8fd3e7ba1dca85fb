import "server-only";
import { UAParser } from "ua-parser-js";

const MAX_UA_LENGTH = 512;

/** Browser and OS names (with major versions) for support staff, from a User-Agent header. */
export function describeUserAgent(userAgent: string | null | undefined): {
  browser: string | null;
  os: string | null;
  userAgent: string | null;
} {
  if (!userAgent) return { browser: null, os: null, userAgent: null };
  const ua = userAgent.slice(0, MAX_UA_LENGTH);
  const parser = new UAParser(ua);
  const label = (name?: string, version?: string) =>
    name ? [name, version?.split(".")[0]].filter(Boolean).join(" ") : null;
  const browser = parser.getBrowser();
  const os = parser.getOS();
  return { browser: label(browser.name, browser.version), os: label(os.name, os.version), userAgent: ua };
}
