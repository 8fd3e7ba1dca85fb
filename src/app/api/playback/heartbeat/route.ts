import { nextRoute } from "@/server/http/next-route";

// In production the portal's own listener answers this path before Next.js sees it
// (src/server/http/routes.ts); this route serves it under `next dev` and wherever Next.js runs
// on its own, with the same handler.
export const POST = nextRoute("/api/playback/heartbeat");
