"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { fileProblemReport, ZProblemReportInput } from "@/server/playback/file-problem-report";
import { startPlayback } from "@/server/playback/start-playback";
import { action } from "./action";

/** Starts (or takes over) playback of a lesson: a new session and where to resume. */
export const startLessonPlayback = action(
  {
    name: "playback.start",
    auth: "learner",
    schema: z.object({ enrollmentId: z.string().min(1).max(40), lessonId: z.string().min(1).max(40) }),
  },
  async (input, { learner }) =>
    startPlayback({ learnerId: learner.id, ...input, userAgent: (await headers()).get("user-agent") }),
);

/** 播放遇到问题？: files the learner's report with the player's diagnostics. */
export const reportPlaybackProblem = action(
  { name: "playback.problem-report", auth: "learner", schema: ZProblemReportInput },
  (input, { learner }) => fileProblemReport(learner.id, input),
);
