import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { startCourse } from "../../src/server/actions/enrollment";
import { findCourseForLearner } from "../../src/server/courses/find-course-for-learner";
import { listLedgerLines } from "../../src/server/credits/list-ledger-lines";
import { recordActivityCredits } from "../../src/server/credits/record-activity-credits";
import { getDb } from "../../src/server/db";
import { createCourse, createEnrollment, createLearner, createStaff } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { redirectTarget, signInAs, signOutAll } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());

describe("a learner reaches only their own data", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
  });

  it("refuses 开始学习 without a learner session, from staff, and from a disabled learner", async () => {
    const course = await createCourse();
    expect(await startCourse(null, { courseId: course.id })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const staff = await createStaff();
    signInAs("staff", staff.id);
    expect(await startCourse(null, { courseId: course.id })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const disabled = await createLearner({ status: "DISABLED" });
    signInAs("learner", disabled.id);
    expect(await startCourse(null, { courseId: course.id })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await getDb().enrollment.count()).toBe(0);
  });

  it("enrolls the session's learner, whatever learner id the request carries, once", async () => {
    const [a, b] = [await createLearner(), await createLearner()];
    const course = await createCourse();
    signInAs("learner", a.id);
    const target = await redirectTarget(() => startCourse(null, { courseId: course.id, learnerId: b.id }));
    const enrollments = await getDb().enrollment.findMany();
    expect(enrollments).toHaveLength(1);
    expect(enrollments[0]).toMatchObject({ learnerId: a.id, courseId: course.id });
    expect(target).toBe(`/learn/${enrollments[0]!.id}`);
    expect(await redirectTarget(() => startCourse(null, { courseId: course.id }))).toBe(target);
    expect(await getDb().enrollment.count()).toBe(1);
  });

  it("refuses drafts, and says why a learner who starts next year cannot enroll yet", async () => {
    const draft = await createCourse({ status: "DRAFT" });
    const learner = await createLearner({ startYear: new Date().getFullYear() + 1 });
    signInAs("learner", learner.id);
    expect(await startCourse(null, { courseId: draft.id })).toMatchObject({ ok: false, code: "COURSE_NOT_FOUND" });
    const course = await createCourse();
    const refused = await startCourse(null, { courseId: course.id });
    expect(refused).toMatchObject({ ok: false, code: "NO_CREDIT_YEAR" });
    expect(!refused.ok && refused.message).toContain("届时即可选课学习");
  });

  it("shows a learner their own enrollment only, and another's retired course not at all", async () => {
    const [a, b] = [await createLearner(), await createLearner()];
    const course = await createCourse();
    const retired = await createCourse({ status: "RETIRED" });
    await createEnrollment(a.id, course.id);
    await createEnrollment(a.id, retired.id);
    expect((await findCourseForLearner(a.id, course.id))?.enrollment).not.toBeNull();
    expect((await findCourseForLearner(b.id, course.id))?.enrollment).toBeNull();
    expect(await findCourseForLearner(a.id, retired.id)).not.toBeNull();
    expect(await findCourseForLearner(b.id, retired.id)).toBeNull();
  });

  it("lists a learner's own ledger lines only", async () => {
    const [a, b] = [await createLearner({ startYear: 2024 }), await createLearner({ startYear: 2024 })];
    const staff = await createStaff();
    await recordActivityCredits({
      learnerId: a.id,
      year: 2024,
      category: "PUBLIC",
      activityType: "CONFERENCE",
      days: 1,
      note: "会议",
      recordedById: staff.id,
    });
    expect(await listLedgerLines(a.id)).toHaveLength(1);
    expect(await listLedgerLines(b.id)).toHaveLength(0);
  });
});
