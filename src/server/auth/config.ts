import "server-only";
import NextAuth from "next-auth";
import type { JWT } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { isSessionCurrent, openSession } from "./auth-sessions";
import { verifyLoginTicket } from "./login-ticket";
import { ABSOLUTE_TIMEOUT_SECONDS, IDLE_TIMEOUT_SECONDS } from "./session-limits";
import { readSessionToken, SESSION_COOKIE_NAMES, type Principal, type PrincipalKind } from "./session-token";

export type { PrincipalKind };

declare module "next-auth" {
  interface Session {
    /** Who is signed in, when they signed in (seconds since epoch), and the session's record. */
    principal: Principal;
  }
  interface User {
    kind: PrincipalKind;
    /** The AuthSession row opened for this sign-in. */
    sid: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    kind?: PrincipalKind;
    /** Seconds since epoch of the sign-in, for the absolute session limit. */
    loginAt?: number;
    /** The AuthSession row of this sign-in. */
    sid?: string;
  }
}

export { ABSOLUTE_TIMEOUT_SECONDS, IDLE_TIMEOUT_SECONDS };

/**
 * The session token's life: stamped at sign-in; refused once 12 hours have passed since then,
 * whatever the activity (the idle limit is the cookie's own expiry, renewed on each request).
 */
export function refreshToken(
  token: JWT,
  user: { id?: string; kind: PrincipalKind; sid: string } | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): JWT | null {
  if (user?.id) return { sub: user.id, kind: user.kind, loginAt: nowSeconds, sid: user.sid };
  if (!token.kind || !token.loginAt || !token.sub || !token.sid) return null;
  return nowSeconds - token.loginAt > ABSOLUTE_TIMEOUT_SECONDS ? null : token;
}

function ticketProvider(kind: PrincipalKind) {
  return Credentials({
    id: kind,
    credentials: { ticket: {} },
    authorize: async (credentials) => {
      const id = verifyLoginTicket(kind, credentials.ticket);
      return id ? { id, kind, sid: await openSession(kind, id) } : null;
    },
  });
}

// Sessions are encrypted JWT cookies (HttpOnly, SameSite=Lax, Secure in production): any
// instance behind a load balancer can read them with the shared AUTH_SECRET. next-auth signs in
// and out; the portal reads and renews the cookie itself (session-token.ts): `readSession` for
// pages and actions, proxy.ts for the renewal that is the idle timeout.
export const { auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  useSecureCookies: env().NODE_ENV === "production" && env().AUTH_COOKIE_SECURE,
  session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS },
  pages: { signIn: "/login" },
  providers: [ticketProvider("learner"), ticketProvider("staff")],
  callbacks: {
    jwt: ({ token, user }) => refreshToken(token, user),
    session({ session, token }) {
      // refreshToken never lets a token without kind and subject through.
      return {
        expires: session.expires,
        principal: {
          kind: token.kind ?? "learner",
          id: token.sub ?? "",
          loginAt: token.loginAt ?? 0,
          sessionId: token.sid ?? "",
        },
      };
    },
  },
}));

/**
 * The signed-in principal of this request, from its session cookie (pages, layouts, actions), or
 * null: a token within its limits whose session the server has not revoked (asked every time).
 * Call it through `getSession` (once per request).
 */
export async function readSession(): Promise<{ principal: Principal } | null> {
  const store = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    const token = store.get(name)?.value;
    if (!token) continue;
    const session = await readSessionToken(name, token);
    if (!session || !(await isSessionCurrent(session.principal.sessionId, session.principal.id))) return null;
    return { principal: session.principal };
  }
  return null;
}
