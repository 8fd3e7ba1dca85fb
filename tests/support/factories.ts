// Small factories for integration and end-to-end tests (and seeds): valid, unique rows with
// defaults, through the real server functions where they exist. Call `seedReferenceData` first:
// learners need their district.
import { randomUUID } from "node:crypto";
import { computeCheckCharacter } from "../../src/domain/identity";
import type { Course, Enrollment, StaffRole, StaffUser } from "../../src/generated/prisma/client";
import { currentYear } from "../../src/lib/time";
import { getDb } from "../../src/server/db";
import { registerLearner, type TRegisterLearnerInput } from "../../src/server/learners/register-learner";

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

async function districtId(code: string): Promise<number> {
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
