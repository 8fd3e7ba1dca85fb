import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/content-security-policy";
import { env } from "@/lib/env";
import { auth } from "@/server/auth/config";

// Every page request passes through next-auth, which re-issues the session cookie with a
// fresh expiry: a session ends after 30 minutes without a request (the idle timeout).
// Authorization is not decided here; pages, actions and data functions check for themselves.
// Each page also gets a Content-Security-Policy with a fresh nonce, which Next.js reads from the
// request and puts on its own scripts: a script injected into a page does not carry it.
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

// With its configuration loaded lazily, next-auth hands the wrapped handler back in a promise,
// and types it as a route handler, whose second argument a proxy's event stands for (its types
// say otherwise on both counts).
const handler = Promise.resolve(auth(withContentSecurityPolicy));

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  return (await handler)(request, event as never);
}

export const config = {
  // Not for static files, media, the health check, nor the hot paths that authenticate
  // themselves and are answered before Next.js in production — heartbeats and the exam
  // endpoints; the player and the exam paper call /api/playback/keepalive every few minutes to
  // stay signed in.
  matcher: ["/((?!_next/static|_next/image|media/|favicon.ico|api/health|api/playback/heartbeat|api/exams/).*)"],
};
