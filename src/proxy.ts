import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/content-security-policy";
import { env } from "@/lib/env";
import { IDLE_TIMEOUT_SECONDS } from "@/server/auth/session-limits";
import {
  isRenewalDue,
  readSessionCookie,
  renewSessionToken,
  SESSION_COOKIE_NAMES,
  type SessionToken,
} from "@/server/auth/session-token";
import { SIGNED_OUT_PAGES } from "@/lib/signed-out-pages";

// Every page request passes through here. Three things, none of them authorization (pages,
// actions and data functions check for themselves):
// - A visitor without a session asking for a public page gets its prebuilt copy (SIGNED_OUT_PAGES:
//   rendered once at build, no per-request work; their only policy is the baseline one of
//   next.config.ts, as a page without a nonce cannot have another, and they show nothing a
//   visitor sent).
// - Every other page gets a Content-Security-Policy with a fresh nonce, which Next.js reads from
//   the request and puts on its own scripts: a script injected into a page does not carry it.
// - A session cookie a minute old or more is renewed with a fresh expiry: a session ends after 30
//   minutes without a request (the idle timeout). A cookie that no longer holds a session is
//   removed.
function withContentSecurityPolicy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const development = env().NODE_ENV === "development";
  const policy = contentSecurityPolicy({ nonce, development });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  // Enforced beside the nonce policy (both must allow): the portal's own scripts only, even for
  // a script element that a nonce-bearing script creates ('strict-dynamic' alone trusts those).
  response.headers.set("content-security-policy", `${policy}, ${contentSecurityPolicy({ development })}`);
  return response;
}

async function renewCookie(response: NextResponse, session: SessionToken) {
  response.cookies.set(session.cookieName, await renewSessionToken(session), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: session.cookieName.startsWith("__Secure-"),
    maxAge: IDLE_TIMEOUT_SECONDS,
  });
}

export default async function proxy(request: NextRequest) {
  const session = await readSessionCookie(request.headers.get("cookie"));
  const signedOutPage = session ? undefined : SIGNED_OUT_PAGES.get(request.nextUrl.pathname);
  const response = signedOutPage
    ? NextResponse.rewrite(new URL(signedOutPage, request.url))
    : withContentSecurityPolicy(request);
  if (session) {
    if (isRenewalDue(session)) await renewCookie(response, session);
  } else {
    for (const name of SESSION_COOKIE_NAMES) if (request.cookies.has(name)) response.cookies.delete(name);
  }
  // The same address answers a signed-in learner and a visitor differently: no shared cache may
  // keep either answer.
  if (signedOutPage) response.headers.set("cache-control", "private, no-store");
  return response;
}

export const config = {
  // Not for static files, media, the health check, nor the hot paths that authenticate
  // themselves and are answered before Next.js in production — heartbeats and the exam
  // endpoints; the player and the exam paper call /api/playback/keepalive every few minutes to
  // stay signed in.
  matcher: ["/((?!_next/static|_next/image|media/|favicon.ico|api/health|api/playback/heartbeat|api/exams/).*)"],
};
