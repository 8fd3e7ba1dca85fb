import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

// For load balancers: 200 when the database answers, 503 otherwise. Says nothing else.
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "up" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "error", database: "down" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
