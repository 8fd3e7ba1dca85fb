import { auth } from "@/server/auth/config";

// Every page request passes through next-auth, which re-issues the session cookie with a
// fresh expiry: a session ends after 30 minutes without a request (the idle timeout).
// Authorization is not decided here; pages, actions and data functions check for themselves.
export default auth;

export const config = {
  // Not for static files, media, the health check, nor the hot paths that authenticate
  // themselves and are answered before Next.js in production — heartbeats and the exam
  // endpoints; the player and the exam paper call /api/playback/keepalive every few minutes to
  // stay signed in.
  matcher: ["/((?!_next/static|_next/image|media/|favicon.ico|api/health|api/playback/heartbeat|api/exams/).*)"],
};
