// The printable study record (/records, 打印学习记录) on real PostgreSQL: each obligation year's
// totals, its ledger entries with the exam that earned a course's credits, the attempts of courses
// not yet credited, and nothing of another learner's.
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { currentYear } from "../../src/lib/time";
import { awardCourseCredits } from "../../src/server/credits/award-course-credits";
import { recordActivityCredits } from "../../src/server/credits/record-activity-credits";
import { recordCreditAdjustment } from "../../src/server/credits/record-adjustment";
import { getDb } from "../../src/server/db";
import { listStudyRecord } from "../../src/server/records/list-study-record";
import { createCourse, createEnrollment, createLearner, createStaff } from "../support/factories";
import { truncateData } from "../support/reset-database";

const Y = currentYear();
const MINUTE = 60_000;

/** A graded (or, without a score, still open) attempt of an enrollment. */
async function createAttempt(
  enrollment: { id: string; learnerId: string; courseId: string },
  fields: { number: number; score: number | null; passed?: boolean; status?: "SUBMITTED" | "EXPIRED" | "IN_PROGRESS" },
  gradedAt: Date,
) {
  const graded = fields.score !== null;
  return getDb().examAttempt.create({
    data: {
      enrollmentId: enrollment.id,
      learnerId: enrollment.learnerId,
      courseId: enrollment.courseId,
      cycle: 1,
      number: fields.number,
      status: fields.status ?? (graded ? "SUBMITTED" : "IN_PROGRESS"),
      startedAt: new Date(gradedAt.getTime() - 10 * MINUTE),
      deadline: new Date(gradedAt.getTime() + 20 * MINUTE),
      gradedAt: graded ? gradedAt : null,
      score: fields.score,
      passed: graded ? (fields.passed ?? false) : null,
    },
  });
}

beforeAll(async () => {
  await seedReferenceData(getDb());
});

beforeEach(async () => {
  await truncateData(inject("databaseUrl"));
});

describe("listStudyRecord", () => {
  it("lists each year's totals, courses with their exams, activities, adjustments and open exams", async () => {
    const staff = await createStaff();
    const learner = await createLearner({ startYear: Y - 1 });
    const other = await createLearner({ startYear: Y - 1 });
    const integrity = await createCourse({ title: "会计职业道德", category: "PUBLIC", credits: 10 });
    const management = await createCourse({ title: "管理会计基础", category: "PROFESSIONAL", credits: 20 });
    const start = Date.now() - 60 * MINUTE;

    // Passed at the second attempt, then credited (to Y - 1, the earliest incomplete year).
    const studied = await createEnrollment(learner.id, integrity.id, { creditYear: Y - 1, status: "EXAM_PENDING" });
    await createAttempt(studied, { number: 1, score: 40 }, new Date(start));
    await createAttempt(studied, { number: 2, score: 90, passed: true }, new Date(start + MINUTE));
    await awardCourseCredits({ learnerId: learner.id, courseId: integrity.id });
    await recordActivityCredits({
      learnerId: learner.id,
      year: Y - 1,
      category: "PROFESSIONAL",
      activityType: "CONFERENCE",
      days: 2,
      note: "湖北省会计学会年会",
      recordedById: staff.id,
    });
    await recordCreditAdjustment({
      learnerId: learner.id,
      year: Y - 1,
      category: "PUBLIC",
      credits: -3,
      reason: "重复登记的课时",
      recordedById: staff.id,
    });
    // Failed once (expired), and an attempt still open: only the graded one is on the record.
    const pending = await createEnrollment(learner.id, management.id, { creditYear: Y, status: "EXAM_PENDING" });
    await createAttempt(pending, { number: 1, score: 20, status: "EXPIRED" }, new Date(start + 2 * MINUTE));
    await createAttempt(pending, { number: 2, score: null }, new Date(start + 3 * MINUTE));
    // Another learner's exams and credits of the same courses.
    const theirs = await createEnrollment(other.id, management.id, { creditYear: Y - 1, status: "EXAM_PENDING" });
    await createAttempt(theirs, { number: 1, score: 10 }, new Date(start));
    await recordActivityCredits({
      learnerId: other.id,
      year: Y - 1,
      category: "PUBLIC",
      activityType: "PAPER_FIRST",
      note: "他人的论文",
      recordedById: staff.id,
    });

    const record = await listStudyRecord(learner);

    expect(record.standing.learnerId).toBe(learner.id);
    expect(record.years.map((y) => y.summary.year)).toEqual([Y, Y - 1]);
    const [current, previous] = record.years;
    expect(previous!.summary).toMatchObject({
      publicCredits: 7,
      professionalCredits: 20,
      totalCredits: 27,
      complete: false,
    });
    expect(previous!.lines).toMatchObject([
      {
        source: "COURSE",
        category: "PUBLIC",
        credits: 10,
        courseTitle: "会计职业道德",
        exam: { score: 90, attempts: 2, gradedAt: new Date(start + MINUTE) },
      },
      { source: "ACTIVITY", activityType: "CONFERENCE", credits: 20, note: "湖北省会计学会年会", exam: null },
      { source: "ADJUSTMENT", credits: -3, note: "重复登记的课时", exam: null },
    ]);
    // The credited course's failed first attempt is part of its line, not an open exam.
    expect(previous!.openExams).toEqual([]);
    expect(current!.lines).toEqual([]);
    expect(current!.openExams).toEqual([
      expect.objectContaining({ courseTitle: "管理会计基础", cycle: 1, number: 1, score: 20 }),
    ]);
    const everything = JSON.stringify(record.years);
    expect(everything).not.toContain("他人的论文");
    expect(record.years.flatMap((y) => y.openExams.map((e) => e.score))).toEqual([20]);
  });

  it("has no years before the learner's start year, and lines without exams for credits awarded otherwise", async () => {
    const notYet = await createLearner({ startYear: Y + 1 });
    expect((await listStudyRecord(notYet)).years).toEqual([]);

    // Course credits with no exam attempt on record (as the demo seed awards them): no exam shown.
    const learner = await createLearner({ startYear: Y });
    const course = await createCourse({ title: "数字素养", category: "PUBLIC", credits: 6 });
    await createEnrollment(learner.id, course.id, { creditYear: Y, status: "EXAM_PENDING" });
    await awardCourseCredits({ learnerId: learner.id, courseId: course.id });
    const [year] = (await listStudyRecord(learner)).years;
    expect(year!.summary).toMatchObject({ year: Y, publicCredits: 6, totalCredits: 6 });
    expect(year!.lines).toMatchObject([{ source: "COURSE", courseTitle: "数字素养", exam: null }]);
  });
});
