// Called by a playing player every few minutes, through proxy.ts, which re-issues the session
// cookie: watching a long lesson keeps the learner signed in (30-minute idle timeout) even
// when heartbeats themselves do not pass through proxy.ts.
export function POST(): Response {
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
