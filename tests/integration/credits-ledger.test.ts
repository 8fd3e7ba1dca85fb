// The credit ledger on real PostgreSQL: idempotent and serialized course awards under
// concurrency, prior year first, the append-only trigger, administrators' activities and
// adjustments (validation, audit), and getStanding agreeing with the pure rules.
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { learnerStanding, summarizeYear, type CreditLine } from "../../src/domain/credits";
import { currentYear } from "../../src/lib/time";
import { awardCourseCredits } from "../../src/server/credits/award-course-credits";
import { getCreditPolicy } from "../../src/server/credits/get-credit-policy";
import { getStanding } from "../../src/server/credits/get-standing";
import { runLedgerTransaction } from "../../src/server/credits/ledger-transaction";
import {
  recordActivityCredits,
  ZRecordActivityCreditsInput,
  type TRecordActivityCreditsInput,
} from "../../src/server/credits/record-activity-credits";
import { recordCreditAdjustment } from "../../src/server/credits/record-adjustment";
import { getDb } from "../../src/server/db";
import { runSqlTransaction } from "../../src/server/sql";
import { createCourse, createEnrollment, createLearner, createStaff } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { sql } from "../support/sql";

const Y = currentYear();

async function entriesOf(learnerId: string) {
  return getDb().creditEntry.findMany({ where: { learnerId }, orderBy: { id: "asc" } });
}

const linesOf = async (learnerId: string): Promise<CreditLine[]> => entriesOf(learnerId);

/** Replays entries in commit order: each must have gone where sequential awarding sends it. */
async function expectPriorYearFirstReplay(learnerId: string, startYear: number) {
  const entries = await entriesOf(learnerId);
  for (const [index, entry] of entries.entries()) {
    const before = learnerStanding(entries.slice(0, index), { startYear, currentYear: Y });
    expect(entry.year, `entry ${index + 1} of ${entries.length}`).toBe(before.creditYear);
  }
  return entries;
}

beforeAll(async () => {
  await seedReferenceData(getDb());
});

beforeEach(async () => {
  await truncateData(inject("databaseUrl"));
});

describe("awardCourseCredits", () => {
  it("records one entry for 50 concurrent awards of one course, and all return it", async () => {
    const learner = await createLearner({ startYear: Y - 1 });
    const course = await createCourse({ category: "PROFESSIONAL", credits: 30 });
    const enrollment = await createEnrollment(learner.id, course.id, { creditYear: Y - 1, status: "EXAM_PENDING" });

    const results = await Promise.all(
      Array.from({ length: 50 }, () => awardCourseCredits({ learnerId: learner.id, courseId: course.id })),
    );

    const entries = await entriesOf(learner.id);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ year: Y - 1, category: "PROFESSIONAL", credits: 30, source: "COURSE" });
    expect(new Set(results.map((r) => r.entryId))).toEqual(new Set([entry?.id.toString()]));
    expect(results.filter((r) => !r.alreadyAwarded)).toHaveLength(1);
    expect(results.every((r) => r.year === Y - 1 && r.credits === 30 && r.category === "PROFESSIONAL")).toBe(true);
    const credited = await getDb().enrollment.findUniqueOrThrow({ where: { id: enrollment.id } });
    expect(credited.status).toBe("CREDITED");
    expect(credited.creditedAt).toEqual(entry?.recordedAt);
  });

  it("sends concurrent awards of different courses to the earlier year until it is complete", async () => {
    const learner = await createLearner({ startYear: Y - 1 });
    const courses = await Promise.all(Array.from({ length: 8 }, () => createCourse({ credits: 15 })));

    await Promise.all(courses.map((course) => awardCourseCredits({ learnerId: learner.id, courseId: course.id })));

    const lines = await linesOf(learner.id);
    // Whatever the order: six courses complete the earlier year (90), not one more, two go to this year.
    expect(summarizeYear(lines, Y - 1)).toMatchObject({ totalCredits: 90, complete: true });
    expect(summarizeYear(lines, Y).totalCredits).toBe(30);
    await expectPriorYearFirstReplay(learner.id, Y - 1);
  });

  it("decides each of many concurrent mixed awards as sequential awarding would", async () => {
    const learner = await createLearner({ startYear: Y - 2 });
    const plan = [
      ...Array.from({ length: 6 }, () => ({ category: "PUBLIC" as const, credits: 20 })),
      ...Array.from({ length: 10 }, () => ({ category: "PROFESSIONAL" as const, credits: 25 })),
    ];
    const courses = await Promise.all(plan.map((p) => createCourse(p)));

    await Promise.all(courses.map((course) => awardCourseCredits({ learnerId: learner.id, courseId: course.id })));

    const entries = await expectPriorYearFirstReplay(learner.id, Y - 2);
    expect(entries).toHaveLength(16);
    const standing = learnerStanding(entries, { startYear: Y - 2, currentYear: Y });
    expect(standing.years[0]?.complete).toBe(true);
  });

  it("returns the existing entry when called again, and refuses what cannot be awarded", async () => {
    const learner = await createLearner({ startYear: Y });
    const course = await createCourse({ category: "PUBLIC", credits: 12 });
    const first = await awardCourseCredits({ learnerId: learner.id, courseId: course.id });
    const again = await awardCourseCredits({ learnerId: learner.id, courseId: course.id });
    expect(first).toMatchObject({ year: Y, credits: 12, category: "PUBLIC", alreadyAwarded: false });
    expect(again).toEqual({ ...first, alreadyAwarded: true });

    const future = await createLearner({ startYear: Y + 1 });
    await expect(awardCourseCredits({ learnerId: future.id, courseId: course.id })).rejects.toMatchObject({
      name: "AppError",
      code: "NO_CREDIT_YEAR",
      message: expect.stringMatching(/还不能获得学分/),
    });
    await expect(awardCourseCredits({ learnerId: learner.id, courseId: "missing" })).rejects.toMatchObject({
      code: "COURSE_NOT_FOUND",
    });
    await expect(awardCourseCredits({ learnerId: "missing", courseId: course.id })).rejects.toMatchObject({
      code: "LEARNER_NOT_FOUND",
    });
    expect(await getDb().creditEntry.count()).toBe(1);
  });

  it("commits and rolls back with the caller's transaction", async () => {
    const learner = await createLearner({ startYear: Y });
    const course = await createCourse();
    await expect(
      runSqlTransaction(async (tx) => {
        await awardCourseCredits({ learnerId: learner.id, courseId: course.id }, tx);
        throw new Error("the caller's change failed");
      }),
    ).rejects.toThrow("the caller's change failed");
    expect(await entriesOf(learner.id)).toHaveLength(0);

    const award = await runSqlTransaction((tx) =>
      awardCourseCredits({ learnerId: learner.id, courseId: course.id }, tx),
    );
    expect((await entriesOf(learner.id)).map((e) => e.id.toString())).toEqual([award.entryId]);
  });

  it("runs in the caller's transaction itself, not in a nested one", async () => {
    // Prisma 7 transaction clients have $transaction too (savepoints); the lock must be the caller's.
    expect.assertions(2);
    await getDb().$transaction(async (tx) => {
      await runLedgerTransaction(tx, async (inner) => expect(inner).toBe(tx));
    });
    await runLedgerTransaction(getDb(), async (inner) => expect(inner).not.toBe(getDb()));
  });
});

describe("the ledger is append-only", () => {
  it("refuses UPDATE and DELETE of credit entries", async () => {
    const learner = await createLearner();
    await awardCourseCredits({ learnerId: learner.id, courseId: (await createCourse()).id });
    await expect(sql(`UPDATE "CreditEntry" SET "credits" = 90`)).rejects.toThrow(/CreditEntry is append-only/);
    await expect(sql(`DELETE FROM "CreditEntry"`)).rejects.toThrow(/CreditEntry is append-only/);
    expect((await entriesOf(learner.id)).map((e) => e.credits)).toEqual([30]);
  });
});

describe("recordActivityCredits", () => {
  it("records an activity with its default credits, audit-logged, in the chosen year", async () => {
    const staff = await createStaff();
    const learner = await createLearner({ startYear: Y - 1 });
    const base = { learnerId: learner.id, recordedById: staff.id, category: "PROFESSIONAL" as const };

    const exam = await recordActivityCredits({
      ...base,
      year: Y - 1,
      activityType: "QUALIFICATION_EXAM",
      note: "中级会计实务",
    });
    const conference = await recordActivityCredits({
      ...base,
      year: Y,
      category: "PUBLIC",
      activityType: "CONFERENCE",
      days: 2,
      note: "湖北省会计学会年会",
    });
    const other = await recordActivityCredits({
      ...base,
      year: Y,
      activityType: "OTHER",
      credits: 7,
      note: "专题培训",
    });

    expect([exam, conference, other].map((r) => [r.year, r.credits, r.alreadyRecorded])).toEqual([
      [Y - 1, 90, false],
      [Y, 20, false],
      [Y, 7, false],
    ]);
    const audits = await getDb().auditLog.findMany({ where: { action: "credits.activity" }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(3);
    expect(audits[1]).toMatchObject({
      actorType: "STAFF",
      actorId: staff.id,
      targetType: "Learner",
      targetId: learner.id,
      outcome: "SUCCESS",
      details: expect.objectContaining({
        entryId: conference.entryId,
        credits: 20,
        days: 2,
        activityType: "CONFERENCE",
      }),
    });
    // The activity completed the earlier year, so a course now goes to this year.
    const award = await awardCourseCredits({ learnerId: learner.id, courseId: (await createCourse()).id });
    expect(award.year).toBe(Y);
  });

  it("is idempotent with a key: a retry records nothing more", async () => {
    const staff = await createStaff();
    const learner = await createLearner();
    const input = {
      learnerId: learner.id,
      year: Y,
      category: "PUBLIC" as const,
      activityType: "PAPER_OTHER" as const,
      note: "论文",
      recordedById: staff.id,
      idempotencyKey: "form-1",
    };
    const first = await recordActivityCredits(input);
    const retry = await recordActivityCredits(input);
    expect(retry).toEqual({ ...first, alreadyRecorded: true });
    expect(await getDb().creditEntry.count()).toBe(1);
    expect(await getDb().auditLog.count({ where: { action: "credits.activity" } })).toBe(1);
  });

  it.each<[string, Partial<TRecordActivityCreditsInput>, string, string]>([
    ["a year before the learner's start", { year: Y - 2 }, "YEAR_OUT_OF_RANGE", "year"],
    ["a future year", { year: Y + 1 }, "YEAR_OUT_OF_RANGE", "year"],
    ["zero credits", { credits: 0 }, "INVALID_INPUT", "credits"],
    ["fractional credits", { credits: 1.5 }, "INVALID_INPUT", "credits"],
    ["OTHER without credits", { activityType: "OTHER" }, "INVALID_INPUT", "credits"],
    ["a conference without days", { activityType: "CONFERENCE" }, "INVALID_INPUT", "days"],
    ["days for something else", { days: 2 }, "INVALID_INPUT", "days"],
    ["an empty note", { note: "  " }, "INVALID_INPUT", "note"],
  ])("refuses %s", async (_name, override, code, field) => {
    const staff = await createStaff();
    const learner = await createLearner({ startYear: Y - 1 });
    const input: TRecordActivityCreditsInput = {
      learnerId: learner.id,
      year: Y,
      category: "PROFESSIONAL",
      activityType: "PAPER_FIRST",
      note: "论文",
      recordedById: staff.id,
      ...override,
    };
    const error: unknown = await recordActivityCredits(input).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "AppError",
      code,
      fieldErrors: { [field]: [expect.stringMatching(/\p{Script=Han}/u)] },
    });
    expect(await getDb().creditEntry.count()).toBe(0);
    expect(await getDb().auditLog.count({ where: { action: "credits.activity" } })).toBe(0);
  });

  it("names an unknown category or activity type in Chinese (input from a form is untyped)", () => {
    const result = ZRecordActivityCreditsInput.safeParse({ year: Y, category: "OTHER", activityType: "PARTY" });
    const messages = result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(messages).toEqual(
      expect.arrayContaining([
        ["category", "请选择科目类别"],
        ["activityType", "请选择继续教育形式"],
      ]),
    );
  });
});

describe("recordCreditAdjustment", () => {
  it("reverses credits with a reason, audit-logged, and refuses to go below zero", async () => {
    const staff = await createStaff();
    const learner = await createLearner({ startYear: Y - 1 });
    for (const credits of [60, 30])
      await awardCourseCredits({ learnerId: learner.id, courseId: (await createCourse({ credits })).id });
    const base = { learnerId: learner.id, year: Y - 1, category: "PROFESSIONAL" as const, recordedById: staff.id };

    const reversal = await recordCreditAdjustment({ ...base, credits: -30, reason: "课程学分重复计入" });
    expect(reversal).toMatchObject({ year: Y - 1, credits: -30, alreadyRecorded: false });
    const standing = await getStanding(learner.id);
    expect(standing.activeYear).toBe(Y - 1);
    expect(standing.years[0]).toMatchObject({ totalCredits: 60, complete: false });

    await expect(recordCreditAdjustment({ ...base, credits: -61, reason: "更正" })).rejects.toMatchObject({
      code: "ADJUSTMENT_BELOW_ZERO",
      message: `${Y - 1} 年度专业科目现有 60 学分，最多只能扣减 60 学分`,
    });
    await expect(
      recordCreditAdjustment({ ...base, category: "PUBLIC", credits: -1, reason: "更正" }),
    ).rejects.toMatchObject({ code: "ADJUSTMENT_BELOW_ZERO" });
    await expect(recordCreditAdjustment({ ...base, credits: 0, reason: "更正" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { credits: ["调整学分不能为0"] },
    });
    await expect(recordCreditAdjustment({ ...base, credits: 5, reason: " " })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { reason: ["请填写调整原因"] },
    });
    await expect(recordCreditAdjustment({ ...base, year: Y - 2, credits: 5, reason: "更正" })).rejects.toMatchObject({
      code: "YEAR_OUT_OF_RANGE",
    });

    expect(await getDb().creditEntry.count({ where: { source: "ADJUSTMENT" } })).toBe(1);
    const audits = await getDb().auditLog.findMany({ where: { action: "credits.adjustment" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({
      credits: -30,
      categoryCreditsBefore: 90,
      categoryCreditsAfter: 60,
      reason: "课程学分重复计入",
    });
  });

  it("lets only one of two concurrent reversals of the same credits through", async () => {
    const staff = await createStaff();
    const learner = await createLearner();
    await awardCourseCredits({ learnerId: learner.id, courseId: (await createCourse({ credits: 60 })).id });
    const reverse = () =>
      recordCreditAdjustment({
        learnerId: learner.id,
        year: Y,
        category: "PROFESSIONAL",
        credits: -60,
        reason: "撤销",
        recordedById: staff.id,
      });

    const outcomes = await Promise.allSettled([reverse(), reverse()]);

    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(summarizeYear(await linesOf(learner.id), Y).professionalCredits).toBe(0);
  });
});

describe("getStanding", () => {
  it("agrees with the pure rules applied to the ledger's entries", async () => {
    const staff = await createStaff();
    const learner = await createLearner({ startYear: Y - 2 });
    for (const [category, credits] of [
      ["PROFESSIONAL", 60],
      ["PUBLIC", 40],
      ["PROFESSIONAL", 45],
      ["PUBLIC", 12],
    ] as const) {
      await awardCourseCredits({ learnerId: learner.id, courseId: (await createCourse({ category, credits })).id });
    }
    await recordActivityCredits({
      learnerId: learner.id,
      year: Y,
      category: "PUBLIC",
      activityType: "PAPER_FIRST",
      note: "论文",
      recordedById: staff.id,
    });
    await recordCreditAdjustment({
      learnerId: learner.id,
      year: Y - 2,
      category: "PUBLIC",
      credits: -5,
      reason: "更正",
      recordedById: staff.id,
    });

    const standing = await getStanding(learner.id);
    const expected = learnerStanding(await linesOf(learner.id), { startYear: Y - 2, currentYear: Y });
    expect(standing).toMatchObject({ ...expected, learnerId: learner.id, startYear: Y - 2, currentYear: Y });
    expect(standing.years.map((y) => y.totalCredits)).toEqual([95, 57, 30]);
    expect(standing.activeYear).toBe(Y - 1);

    const earlier = await getStanding(learner.id, { currentYear: Y - 1 });
    expect(earlier.years.map((y) => y.year)).toEqual([Y - 2, Y - 1]);
    await expect(getStanding("missing")).rejects.toMatchObject({ code: "LEARNER_NOT_FOUND" });
  });

  it("applies a policy row of the CreditPolicy table from its year on", async () => {
    const learner = await createLearner({ startYear: Y - 1 });
    for (const year of [Y - 1, Y]) {
      const staff = await createStaff();
      await recordActivityCredits({
        learnerId: learner.id,
        year,
        category: "PROFESSIONAL",
        activityType: "QUALIFICATION_EXAM",
        note: "考试",
        recordedById: staff.id,
      });
    }
    await getDb().creditPolicy.create({
      data: { fromYear: Y, requiredTotal: 100, requiredProfessional: 70, creditsPerHour: 3 },
    });
    try {
      await getCreditPolicy({ fresh: true });
      const standing = await getStanding(learner.id);
      expect(standing.years.map((y) => [y.year, y.complete, y.missingTotal])).toEqual([
        [Y - 1, true, 0],
        [Y, false, 10],
      ]);
    } finally {
      await getDb().creditPolicy.delete({ where: { fromYear: Y } });
      await getCreditPolicy({ fresh: true });
    }
  });
});
