import "server-only";
import {
  attemptsLeft,
  decideStart,
  paperSize,
  type AttemptStatus,
  type EnrollmentStage,
  type StartDecision,
} from "@/domain/exams";
import { getDb } from "@/server/db";
import { gradeExpiredAttempt } from "./grade-expired-attempt";
import { readCourseCredit } from "./read-course-credit";

export interface AttemptSummary {
  id: string;
  cycle: number;
  number: number;
  status: AttemptStatus;
  startedAt: Date;
  deadline: Date;
  score: number | null;
  passed: boolean | null;
}

export interface ExamOverview {
  enrollment: { id: string; status: EnrollmentStage; examCycle: number; creditYear: number };
  course: {
    id: string;
    title: string;
    credits: number;
    passScore: number;
    timeLimitMinutes: number;
    maxAttempts: number;
    /** Questions per paper: the setting, or the whole bank when it is smaller. */
    questionCount: number;
  };
  /** Newest first, every cycle. */
  attempts: AttemptSummary[];
  openAttempt: AttemptSummary | null;
  gradedInCycle: number;
  attemptsLeft: number;
  /** Whether 开始考试 would open a new attempt now (an open one is resumed instead). */
  start: StartDecision;
  credit: { year: number; credits: number } | null;
}

interface EnrollmentRow {
  id: string;
  status: EnrollmentStage;
  examCycle: number;
  creditYear: number;
  courseId: string;
  title: string;
  credits: number;
  examQuestionCount: number;
  passScore: number;
  timeLimitMinutes: number;
  maxAttempts: number;
  bankSize: number;
}

// Raw SQL: the result page (shown by every hand-in at the rush) reads this too.
const readEnrollment = (learnerId: string, enrollmentId: string) =>
  getDb().$queryRaw<EnrollmentRow[]>`
    SELECT e."id", e."status"::text AS "status", e."examCycle", e."creditYear", c."id" AS "courseId", c."title",
           c."credits", c."examQuestionCount", c."examPassScore" AS "passScore",
           c."examTimeLimitMinutes" AS "timeLimitMinutes", c."examMaxAttempts" AS "maxAttempts",
           (SELECT count(*)::int FROM "Question" q WHERE q."courseId" = c."id" AND q."active") AS "bankSize"
    FROM "Enrollment" e JOIN "Course" c ON c."id" = e."courseId"
    WHERE e."id" = ${enrollmentId} AND e."learnerId" = ${learnerId}`;

const readAttempts = (enrollmentId: string) =>
  getDb().$queryRaw<AttemptSummary[]>`
    SELECT "id", "cycle", "number", "status"::text AS "status", "startedAt", "deadline", "score", "passed"
    FROM "ExamAttempt" WHERE "enrollmentId" = ${enrollmentId}
    ORDER BY "cycle" DESC, "number" DESC`;

/**
 * The exam's landing page for one of the learner's enrollments: rules, attempts, and whether a
 * new attempt may start. An expired open attempt is graded first. Another learner's enrollment
 * is null, exactly like a nonexistent one.
 */
export async function findExamOverview(
  learnerId: string,
  enrollmentId: string,
  opts: { now?: Date } = {},
): Promise<ExamOverview | null> {
  await gradeExpiredAttempt(learnerId, { enrollmentId }, opts.now ?? new Date());
  const [enrollment] = await readEnrollment(learnerId, enrollmentId);
  if (!enrollment) return null;
  const [attempts, credit] = await Promise.all([
    readAttempts(enrollmentId),
    enrollment.status === "CREDITED" ? readCourseCredit(learnerId, enrollment.courseId) : null,
  ]);
  const gradedInCycle = attempts.filter((a) => a.cycle === enrollment.examCycle && a.status !== "IN_PROGRESS").length;
  return {
    enrollment: {
      id: enrollment.id,
      status: enrollment.status,
      examCycle: enrollment.examCycle,
      creditYear: enrollment.creditYear,
    },
    course: {
      id: enrollment.courseId,
      title: enrollment.title,
      credits: enrollment.credits,
      passScore: enrollment.passScore,
      timeLimitMinutes: enrollment.timeLimitMinutes,
      maxAttempts: enrollment.maxAttempts,
      questionCount: paperSize(enrollment.examQuestionCount, enrollment.bankSize),
    },
    attempts,
    openAttempt: attempts.find((a) => a.status === "IN_PROGRESS") ?? null,
    gradedInCycle,
    attemptsLeft: attemptsLeft(gradedInCycle, enrollment.maxAttempts),
    start: decideStart({
      stage: enrollment.status,
      cycle: enrollment.examCycle,
      gradedInCycle,
      maxAttempts: enrollment.maxAttempts,
      bankSize: enrollment.bankSize,
    }),
    credit,
  };
}
