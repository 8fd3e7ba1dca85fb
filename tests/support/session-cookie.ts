// A real session cookie, as next-auth issues it at sign-in: its AuthSession row opened, the
// token encrypted with the test secret. Claims may be overridden to forge expired, staff or
// session-less ones.
import { encode } from "next-auth/jwt";
import { openSession } from "../../src/server/auth/auth-sessions";
import { TEST_SECRETS } from "./test-database";

export const SESSION_COOKIE = "authjs.session-token";

export async function sessionToken(
  kind: "learner" | "staff",
  subjectId: string,
  opts: { claims?: Record<string, unknown>; name?: string; maxAge?: number; secret?: string } = {},
): Promise<{ token: string; sessionId: string }> {
  const sessionId = await openSession(kind, subjectId);
  const token = await encode({
    token: { sub: subjectId, kind, loginAt: Math.floor(Date.now() / 1000), sid: sessionId, ...opts.claims },
    secret: opts.secret ?? TEST_SECRETS.AUTH_SECRET,
    salt: opts.name ?? SESSION_COOKIE,
    maxAge: opts.maxAge ?? 1_800,
  });
  return { token, sessionId };
}

/** `name=token` of a fresh session (see sessionToken). */
export async function sessionCookie(
  kind: "learner" | "staff",
  subjectId: string,
  opts: Parameters<typeof sessionToken>[2] = {},
): Promise<string> {
  return `${opts.name ?? SESSION_COOKIE}=${(await sessionToken(kind, subjectId, opts)).token}`;
}
