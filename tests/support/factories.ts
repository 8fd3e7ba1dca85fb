// Small factories for integration and end-to-end tests (and seeds): valid, unique rows with
// defaults, through the real server functions where they exist. Call `seedReferenceData` first:
// learners need their district.
import { randomInt, randomUUID } from "node:crypto";
import { computeCheckCharacter } from "../../src/domain/identity";
import type { Course, Enrollment, StaffRole, StaffUser } from "../../src/generated/prisma/client";
import { currentYear } from "../../src/lib/time";
import { getDb } from "../../src/server/db";
import { registerLearner, type TRegisterLearnerInput } from "../../src/server/learners/register-learner";
import { recordActivityCredits } from "../../src/server/credits/record-activity-credits";
import { makeProblemReference } from "../../src/domain/playback/reference";

// Wuhan (420102 = 江岸区) area code; distinct birth dates and sequence numbers keep the numbers
// unique within a run, a random start keeps them unique across files sharing a database.
let idCounter = Math.floor(Math.random() * 100_000);
const DAY_MS = 86_400_000;

/** A valid, unique 18-character resident ID number (born between 1960 and 1999). */
export function uniqueIdNumber(): string {
  const n = idCounter++;
  const birth = new Date(Date.UTC(1960, 0, 1) + (n % 14_000) * DAY_MS).toISOString().slice(0, 10).replaceAll("-", "");
  const sequence = String(100 + (Math.floor(n / 14_000) % 900)).padStart(3, "0");
  const first17 = `420102${birth}${sequence}`;
  return first17 + computeCheckCharacter(first17);
}

const SURNAMES = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄"];
const GIVEN = ["明", "芳", "伟", "静", "洋", "磊", "娟", "强", "敏", "军"];
let nameCounter = 0;

function uniqueishName(): string {
  const n = nameCounter++;
  return `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}`;
}

/** The id of a district (seeded reference data) by its code. */
export async function districtId(code: string): Promise<number> {
  const district = await getDb().district.findUnique({ where: { code }, select: { id: true } });
  if (!district) throw new Error(`District ${code} is missing: call seedReferenceData(getDb()) first`);
  return district.id;
}

/** Registers a learner (信息采集) through registerLearner. Defaults: 江岸区, starting this year. */
export async function createLearner(
  overrides: Partial<TRegisterLearnerInput> & { districtCode?: string; status?: "ACTIVE" | "DISABLED" } = {},
) {
  const { districtCode = "jiangan", status, ...fields } = overrides;
  return registerLearner(
    {
      idNumber: uniqueIdNumber(),
      name: uniqueishName(),
      districtId: await districtId(districtCode),
      employer: "武汉测试有限公司",
      qualification: "JUNIOR",
      startYear: currentYear(),
      ...fields,
      ...(status ? { status } : {}),
    },
    { staffUserId: null },
  );
}

let courseCounter = 0;

/** A published course. Defaults: professional, 30 credits. */
export async function createCourse(
  overrides: Partial<Pick<Course, "title" | "category" | "credits" | "description" | "status">> = {},
): Promise<Course> {
  courseCounter++;
  const status = overrides.status ?? "PUBLISHED";
  return getDb().course.create({
    data: {
      title: `测试课程 ${courseCounter}`,
      category: "PROFESSIONAL",
      credits: 30,
      description: "测试用课程",
      ...overrides,
      status,
      publishedAt: status === "PUBLISHED" ? new Date() : null,
    },
  });
}

/** An enrollment of a learner in a course, studying, expecting credits for `creditYear`. */
export async function createEnrollment(
  learnerId: string,
  courseId: string,
  overrides: Partial<Pick<Enrollment, "creditYear" | "status">> = {},
): Promise<Enrollment> {
  return getDb().enrollment.create({
    data: {
      learnerId,
      courseId,
      creditYear: overrides.creditYear ?? currentYear(),
      status: overrides.status ?? "STUDYING",
    },
  });
}

/**
 * A staff account row, for tests that need an actor (e.g. `recordedById`). Its password hash is
 * no hash at all, so it cannot sign in: tests of sign-in create accounts with createStaffUser.
 */
export async function createStaff(
  overrides: { role?: StaffRole; districtCode?: string; username?: string } = {},
): Promise<Omit<StaffUser, "passwordHash">> {
  const role = overrides.role ?? "CITY_ADMIN";
  const districtCode = overrides.districtCode ?? (role === "DISTRICT_ADMIN" ? "wuchang" : undefined);
  return getDb().staffUser.create({
    data: {
      username: overrides.username ?? `staff-${randomUUID().slice(0, 8)}`,
      displayName: "测试管理员",
      passwordHash: "!not-a-password-hash",
      role,
      districtId: districtCode ? await districtId(districtCode) : null,
    },
  });
}

/** Lessons of a course, in order, with the given durations in seconds (videos need not exist). */
export async function createLessons(courseId: string, durationsSeconds: readonly number[]) {
  const db = getDb();
  const lessons = [];
  for (const [index, durationSeconds] of durationsSeconds.entries()) {
    lessons.push(
      await db.lesson.create({
        data: {
          courseId,
          position: index + 1,
          title: `第${index + 1}讲`,
          videoUrl: `/media/test-${index + 1}.mp4`,
          durationSeconds,
        },
      }),
    );
  }
  return lessons;
}

/** A question of a bank made by createQuestionBank, with its key (tests answer with it). */
export interface TestQuestion {
  id: string;
  type: "SINGLE" | "MULTIPLE" | "TRUE_FALSE";
  optionIds: string[];
  correctOptionIds: string[];
}

let questionCounter = 0;

/**
 * A course's question bank: single choice (4 options, the first correct), multiple choice
 * (4 options, the first two correct) and true/false (正确 correct). Options are stored in that
 * order; papers shuffle them. Defaults: 6 single, 2 multiple, 2 true/false.
 */
export async function createQuestionBank(
  courseId: string,
  counts: { single?: number; multiple?: number; trueFalse?: number } = { single: 6, multiple: 2, trueFalse: 2 },
): Promise<TestQuestion[]> {
  const plan = [
    ...Array.from({ length: counts.single ?? 0 }, () => ({
      type: "SINGLE" as const,
      labels: ["甲", "乙", "丙", "丁"],
      correct: 1,
    })),
    ...Array.from({ length: counts.multiple ?? 0 }, () => ({
      type: "MULTIPLE" as const,
      labels: ["甲", "乙", "丙", "丁"],
      correct: 2,
    })),
    ...Array.from({ length: counts.trueFalse ?? 0 }, () => ({
      type: "TRUE_FALSE" as const,
      labels: ["正确", "错误"],
      correct: 1,
    })),
  ];
  const db = getDb();
  const questions: TestQuestion[] = [];
  for (const [index, q] of plan.entries()) {
    const n = ++questionCounter;
    const created = await db.question.create({
      data: {
        courseId,
        type: q.type,
        stem: `测试题 ${n}`,
        explanation: `测试题 ${n} 的解析`,
        position: index + 1,
        options: {
          create: q.labels.map((label, position) => ({
            label: `${label}（${n}）`,
            correct: position < q.correct,
            position,
          })),
        },
      },
      select: { id: true, options: { orderBy: { position: "asc" }, select: { id: true, correct: true } } },
    });
    questions.push({
      id: created.id,
      type: q.type,
      optionIds: created.options.map((o) => o.id),
      correctOptionIds: created.options.filter((o) => o.correct).map((o) => o.id),
    });
  }
  return questions;
}

/** What examReady arranges beyond its defaults. */
export interface ExamReadySetup {
  /** The question bank's counts (createQuestionBank's defaults without it). */
  bank?: { single?: number; multiple?: number; trueFalse?: number };
  /** The enrollment's status: EXAM_PENDING without it. */
  status?: "STUDYING" | "EXAM_PENDING" | "CREDITED";
  /** The learner's start year, also the enrollment's credit year: this year without it. */
  startYear?: number;
  /** The course's exam settings (the course's defaults without them). */
  exam?: {
    examQuestionCount?: number;
    examPassScore?: number;
    examTimeLimitMinutes?: number;
    examMaxAttempts?: number;
  };
}

/**
 * A learner whose study of a course (professional, 12 credits) with a question bank is complete
 * (EXAM_PENDING), unless told otherwise; `key` is the bank by question id.
 */
export async function examReady(setup: ExamReadySetup = {}) {
  const year = setup.startYear ?? currentYear();
  const learner = await createLearner({ startYear: year });
  const course = await createCourse({ category: "PROFESSIONAL", credits: 12 });
  if (setup.exam) await getDb().course.update({ where: { id: course.id }, data: setup.exam });
  const questions = await createQuestionBank(course.id, setup.bank);
  const enrollment = await createEnrollment(learner.id, course.id, {
    creditYear: year,
    status: setup.status ?? "EXAM_PENDING",
  });
  const key = new Map(questions.map((q) => [q.id, q]));
  return { learner, course, questions, key, enrollment };
}

/**
 * Credits for a learner's year through the real ledger (an OTHER activity per category given),
 * recorded by `recordedById`: the quickest way to make a year complete, in progress or not.
 */
export async function recordCredits(
  learnerId: string,
  year: number,
  credits: { professional?: number; public?: number },
  recordedById: string,
): Promise<void> {
  for (const [category, amount] of [
    ["PROFESSIONAL", credits.professional],
    ["PUBLIC", credits.public],
  ] as const) {
    if (!amount) continue;
    await recordActivityCredits({
      learnerId,
      year,
      category,
      activityType: "OTHER",
      credits: amount,
      note: "测试登记",
      recordedById,
    });
  }
}

/** Diagnostics as the player's 播放遇到问题？ form sends them (src/components/player/run-diagnostics.ts). */
export const SAMPLE_DIAGNOSTICS = {
  canPlay: { mp4: "probably", webm: "probably", hls: "", hlsJs: true },
  reach: { ok: true, status: 206, ms: 120 },
  recentErrors: [{ kind: "stall", message: "readyState 2", at: "2026-11-27T09:00:00.000Z" }],
  videoUrl: "/media/test-1.mp4",
  positionMs: 30_000,
  networkType: "4g",
  online: true,
  screen: "1920x1080@1",
  userAgent:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
};

/**
 * A problem report (播放遇到问题？) of a learner, as a ticket: a fresh reference, the sample
 * diagnostics, OPEN unless told otherwise. `createdAt` backdates it (age filters).
 */
export async function createProblemReport(
  learnerId: string,
  overrides: {
    courseId?: string;
    lessonId?: string;
    description?: string;
    status?: "OPEN" | "IN_PROGRESS" | "RESOLVED";
    resolution?: string;
    createdAt?: Date;
  } = {},
) {
  return getDb().problemReport.create({
    data: {
      reference: makeProblemReference(randomInt),
      learnerId,
      courseId: overrides.courseId ?? null,
      lessonId: overrides.lessonId ?? null,
      description: overrides.description ?? "视频一直在缓冲",
      diagnostics: SAMPLE_DIAGNOSTICS,
      status: overrides.status ?? "OPEN",
      resolution: overrides.resolution ?? null,
      resolvedAt: overrides.status === "RESOLVED" ? new Date() : null,
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

/** A player error as the player reports it automatically; `occurredAt` backdates it. */
export async function createPlayerError(
  learnerId: string,
  overrides: {
    courseId?: string;
    lessonId?: string;
    kind?: string;
    code?: number;
    browser?: string;
    occurredAt?: Date;
  } = {},
) {
  return getDb().playerError.create({
    data: {
      learnerId,
      courseId: overrides.courseId ?? null,
      lessonId: overrides.lessonId ?? null,
      kind: overrides.kind ?? "media",
      code: overrides.code ?? null,
      browser: overrides.browser ?? "Chrome 120",
      os: "Windows 10",
      ...(overrides.occurredAt ? { occurredAt: overrides.occurredAt } : {}),
    },
  });
}
