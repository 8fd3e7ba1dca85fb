import "server-only";
import { getDb } from "@/server/db";

/** Whether the database answers a trivial query (the health check of load balancers). */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
