import { isDatabaseReachable } from "@/server/health/is-database-reachable";

export const dynamic = "force-dynamic";

// For load balancers: 200 when the database answers, 503 otherwise. Says nothing else.
export async function GET() {
  if (await isDatabaseReachable()) {
    return Response.json({ status: "ok", database: "up" }, { headers: { "Cache-Control": "no-store" } });
  }
  return Response.json(
    { status: "error", database: "down" },
    { status: 503, headers: { "Cache-Control": "no-store" } },
  );
}
