import { examRoute } from "@/server/exams/exam-route";

export const POST = examRoute("/api/exams/answer");
