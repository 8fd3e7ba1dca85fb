"use server";

import { z } from "zod";
import { enrollInCourse } from "@/server/enrollments/enroll-in-course";
import { action } from "./action";

export const startCourse = action(
  {
    name: "enrollment.start",
    auth: "learner",
    schema: z.object({ courseId: z.string().min(1).max(40) }),
  },
  (input, { learner }) => enrollInCourse(learner.id, input.courseId),
  { redirectTo: ({ enrollmentId }) => `/learn/${enrollmentId}` },
);
