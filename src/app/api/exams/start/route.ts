import { nextRoute } from "@/server/http/next-route";

export const POST = nextRoute("/api/exams/start");
