import "server-only";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { ABSOLUTE_TIMEOUT_SECONDS } from "@/server/auth/session-limits";

// next-auth's session cookie names: with and without the __Secure- prefix of HTTPS deployments.
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

// Decrypting a session cookie costs about a millisecond of CPU: at thousands of beats a second
// that alone would fill a core. A player sends the same cookie beat after beat (when proxy.ts
// does not re-issue it on every request), so valid tokens are remembered until they expire.
const MAX_CACHED = 50_000;
const cache = new Map<string, { learnerId: string; validUntil: number }>();

function remember(key: string, learnerId: string, validUntil: number) {
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, { learnerId, validUntil });
}

/**
 * The learner of a heartbeat request, from the session cookie alone: at most one JWE
 * decryption, with the same checks as the session callbacks (a learner principal, the absolute
 * limit; expiry is checked by decode, and again for a remembered token). `auth()` would run
 * next-auth's whole session endpoint for it, encrypting a fresh cookie that a route handler
 * cannot even send. Whether the learner is still ACTIVE is checked by the beat's own query.
 */
export async function readBeatLearner(cookieHeader: string | null): Promise<string | null> {
  if (!cookieHeader) return null;
  for (const name of COOKIE_NAMES) {
    const token = cookieValue(cookieHeader, name);
    if (!token) continue;
    const now = Math.floor(Date.now() / 1000);
    const key = `${name}=${token}`;
    const cached = cache.get(key);
    if (cached) {
      if (now < cached.validUntil) return cached.learnerId;
      cache.delete(key);
      return null;
    }
    try {
      const payload = await decode({ token, secret: env().AUTH_SECRET, salt: name });
      if (payload?.kind !== "learner" || !payload.sub || !payload.loginAt || !payload.exp) return null;
      const validUntil = Math.min(payload.exp, payload.loginAt + ABSOLUTE_TIMEOUT_SECONDS);
      if (now >= validUntil) return null;
      remember(key, payload.sub, validUntil);
      return payload.sub;
    } catch {
      return null;
    }
  }
  return null;
}
