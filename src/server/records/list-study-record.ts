import "server-only";
import type { ActivityType, CreditCategory, YearSummary } from "@/domain/credits";
import type { CreditSource } from "@/generated/prisma/enums";
import { listLearnerCertificates } from "@/server/certificates/list-learner-certificates";
import { getStanding, type LearnerStanding } from "@/server/credits/get-standing";
import { getDb } from "@/server/db";
import { readReportingStatus, type ReportingStatus } from "@/server/exports/read-reporting-status";

/** A credited course's exam: the attempt that passed, and how many graded attempts it took. */
export interface StudyRecordCourseExam {
  score: number;
  gradedAt: Date;
  attempts: number;
}

/** One ledger entry as the record shows it. */
export interface StudyRecordLine {
  id: string;
  year: number;
  category: CreditCategory;
  credits: number;
  source: CreditSource;
  activityType: ActivityType | null;
  note: string | null;
  recordedAt: Date;
  courseTitle: string | null;
  /** Course credits only, and only when they came through the portal's exam (not every award did). */
  exam: StudyRecordCourseExam | null;
}

/** A graded attempt of a course that has no credits (yet): failed so far. */
export interface StudyRecordOpenExam {
  id: string;
  courseTitle: string;
  cycle: number;
  number: number;
  score: number;
  gradedAt: Date;
}

export interface StudyRecordYear {
  summary: YearSummary;
  lines: StudyRecordLine[];
  /** Filed under the year the enrollment expected its credits for. */
  openExams: StudyRecordOpenExam[];
  /** The year's current certificate (学时证明), if it has one. */
  certificateCode: string | null;
  /** Where the year's report to the provincial system stands (none: 待报送). */
  reporting: ReportingStatus | null;
}

export interface StudyRecord {
  standing: LearnerStanding;
  /** Every obligation year, newest first. */
  years: StudyRecordYear[];
}

// A learner has at most a few hundred graded attempts (five per study cycle and course); the cap
// only bounds a page that something has gone wrong with.
const MAX_ATTEMPTS = 2000;

const readLines = (learnerId: string) =>
  getDb().creditEntry.findMany({
    where: { learnerId },
    orderBy: [{ year: "desc" }, { recordedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      year: true,
      category: true,
      credits: true,
      source: true,
      activityType: true,
      note: true,
      recordedAt: true,
      courseId: true,
      course: { select: { title: true } },
    },
  });

const readGradedAttempts = (learnerId: string) =>
  getDb().examAttempt.findMany({
    where: { learnerId, status: { not: "IN_PROGRESS" }, score: { not: null }, gradedAt: { not: null } },
    orderBy: [{ gradedAt: "asc" }, { id: "asc" }],
    take: MAX_ATTEMPTS,
    select: {
      id: true,
      courseId: true,
      cycle: true,
      number: true,
      score: true,
      passed: true,
      gradedAt: true,
      enrollment: { select: { creditYear: true, course: { select: { title: true } } } },
    },
  });

type LineRow = Awaited<ReturnType<typeof readLines>>[number];
type AttemptRow = Awaited<ReturnType<typeof readGradedAttempts>>[number];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const bucket = map.get(key);
  if (bucket) bucket.push(value);
  else map.set(key, [value]);
}

/**
 * The printable study record (打印学习记录) of the signed-in learner: each obligation year's
 * totals, its ledger entries (courses, other continuing education, adjustments) and its exams.
 * A fixed set of statements however many years there are (the standing's aggregate and policy,
 * the ledger, the graded attempts, the current certificates, the uploads), read in parallel. Authorization is the caller's: pass the
 * signed-in learner.
 */
export async function listStudyRecord(learner: { id: string; startYear: number }): Promise<StudyRecord> {
  const [standing, lineRows, attemptRows, certificates, reporting] = await Promise.all([
    getStanding(learner),
    readLines(learner.id),
    readGradedAttempts(learner.id),
    listLearnerCertificates(learner.id, { currentOnly: true }),
    readReportingStatus(learner.id),
  ]);
  const certificateByYear = new Map(certificates.map((c) => [c.year, c.code]));

  const attemptsByCourse = new Map<string, AttemptRow[]>();
  for (const attempt of attemptRows) push(attemptsByCourse, attempt.courseId, attempt);

  const linesByYear = new Map<number, StudyRecordLine[]>();
  const creditedCourses = new Set<string>();
  for (const row of lineRows) {
    if (row.source === "COURSE" && row.courseId) creditedCourses.add(row.courseId);
    push(linesByYear, row.year, toLine(row, attemptsByCourse));
  }

  const openByYear = new Map<number, StudyRecordOpenExam[]>();
  for (const attempt of attemptRows) {
    const { score, gradedAt } = attempt;
    if (creditedCourses.has(attempt.courseId) || attempt.passed || score === null || gradedAt === null) continue;
    push(openByYear, attempt.enrollment.creditYear, {
      id: attempt.id,
      courseTitle: attempt.enrollment.course.title,
      cycle: attempt.cycle,
      number: attempt.number,
      score,
      gradedAt,
    });
  }

  const years = [...standing.years].reverse().map((summary) => ({
    summary,
    lines: linesByYear.get(summary.year) ?? [],
    openExams: openByYear.get(summary.year) ?? [],
    certificateCode: summary.complete ? (certificateByYear.get(summary.year) ?? null) : null,
    reporting: reporting.get(summary.year) ?? null,
  }));
  return { standing, years };
}

function toLine(row: LineRow, attemptsByCourse: ReadonlyMap<string, AttemptRow[]>): StudyRecordLine {
  const attempts = row.source === "COURSE" && row.courseId ? (attemptsByCourse.get(row.courseId) ?? []) : [];
  const passed = attempts.find((attempt) => attempt.passed);
  return {
    id: String(row.id),
    year: row.year,
    category: row.category,
    credits: row.credits,
    source: row.source,
    activityType: row.activityType,
    note: row.note,
    recordedAt: row.recordedAt,
    courseTitle: row.course?.title ?? null,
    exam:
      passed && passed.score !== null && passed.gradedAt !== null
        ? { score: passed.score, gradedAt: passed.gradedAt, attempts: attempts.length }
        : null,
  };
}
