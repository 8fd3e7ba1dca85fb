// Course administration on real PostgreSQL: who may do what (every action against every kind of
// principal), publishing, retiring and deleting, lessons and questions under enrollments, the
// all-or-nothing question import, and video upload with ranged serving.
import { readdir, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { GET as serveUpload, HEAD as headUpload } from "../../src/app/media/uploads/[file]/route";
import { POST as uploadRoute } from "../../src/app/media/uploads/route";
import { GET as templateRoute } from "../../src/app/admin/courses/question-template/route";
import { IMPORT_COLUMNS } from "../../src/domain/course-admin";
import type { ActionResult } from "../../src/lib/action-result";
import * as courses from "../../src/server/actions/courses";
import { listCatalogue } from "../../src/server/courses/list-catalogue";
import { findCourseForLearner } from "../../src/server/courses/find-course-for-learner";
import { findAdminCourse } from "../../src/server/courses/admin/find-admin-course";
import { ENROLLMENTS_COUNTED, listAdminCourses } from "../../src/server/courses/admin/list-admin-courses";
import { listAdminQuestions } from "../../src/server/courses/admin/list-admin-questions";
import { getDb } from "../../src/server/db";
import { saveUploadedVideo } from "../../src/server/media/save-uploaded-video";
import { mediaStorageDir } from "../../src/server/media/storage-dir";
import {
  createCourse,
  createEnrollment,
  createLearner,
  createLessons,
  createQuestionBank,
  createStaff,
} from "../support/factories";
import { truncateData } from "../support/reset-database";
import { redirectTarget, signInAs, signOutAll } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());
// Outside a request there is no page cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

interface Result {
  ok: boolean;
  code?: string;
  message?: string;
  data?: unknown;
  fieldErrors?: Record<string, string[]>;
  redirect?: string;
}

/** Runs an action; a redirect (the success path of some) counts as ok. */
async function run(
  act: (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>,
  input: Record<string, unknown>,
): Promise<Result> {
  let result: Result = { ok: false, code: "NO_RESULT" };
  const target = await redirectTarget(async () => {
    result = await act(null, input);
  });
  return target ? { ok: true, redirect: target } : result;
}

async function auditActions(): Promise<string[]> {
  const rows = await getDb().auditLog.findMany({ orderBy: { id: "asc" }, select: { action: true } });
  return rows.map((r) => r.action);
}

/** Puts questions on a paper, as a learner's exam start would. */
async function putOnPaper(courseId: string, questionIds: string[]) {
  const learner = await createLearner();
  const enrollment = await createEnrollment(learner.id, courseId, { status: "EXAM_PENDING" });
  await getDb().examAttempt.create({
    data: {
      enrollmentId: enrollment.id,
      learnerId: learner.id,
      courseId,
      cycle: 1,
      number: 1,
      deadline: new Date(Date.now() + 3_600_000),
      questions: {
        createMany: {
          data: questionIds.map((questionId, i) => ({ position: i + 1, questionId, optionOrder: [], answer: [] })),
        },
      },
    },
  });
  return learner;
}

const validQuestion = (courseId: string, stem = "会计人员每年至少取得多少学分？") => ({
  courseId,
  type: "SINGLE",
  stem,
  optionA: "60",
  optionB: "90",
  optionC: "120",
  correct: "B",
  explanation: "每年不少于90学分。",
});

async function workbook(rows: string[][]): Promise<File> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("题目");
  sheet.addRow([...IMPORT_COLUMNS]);
  for (const row of rows) sheet.addRow(row);
  return new File([await book.xlsx.writeBuffer()], "题库.xlsx");
}

let city: { id: string };
let district: { id: string };
let support: { id: string };

beforeAll(async () => {
  await seedReferenceData(getDb());
});

beforeEach(async () => {
  await truncateData(inject("databaseUrl"));
  signOutAll();
  city = await createStaff({ role: "CITY_ADMIN" });
  district = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" });
  support = await createStaff({ role: "SUPPORT" });
});

describe("who may change the catalogue", () => {
  async function everyWrite() {
    const course = await createCourse({ status: "DRAFT" });
    const [lesson, second] = await createLessons(course.id, [60, 90]);
    const [question, other] = await createQuestionBank(course.id, { single: 2 });
    const file = await workbook([["单选", "新题", "甲", "乙", "", "", "", "A", ""]]);
    const courseId = course.id;
    const calls: [string, () => Promise<Result>][] = [
      [
        "createCourse",
        () => run(courses.createCourse, { title: "新课", category: "PUBLIC", credits: "3", description: "简介" }),
      ],
      [
        "updateCourse",
        () =>
          run(courses.updateCourse, { courseId, title: "改名", category: "PUBLIC", credits: "3", description: "简介" }),
      ],
      [
        "updateExamSettings",
        () =>
          run(courses.updateExamSettings, {
            courseId,
            examQuestionCount: "5",
            examPassScore: "80",
            examTimeLimitMinutes: "20",
            examMaxAttempts: "3",
          }),
      ],
      ["publishCourse", () => run(courses.publishCourse, { courseId })],
      ["retireCourse", () => run(courses.retireCourse, { courseId })],
      ["deleteCourse", () => run(courses.deleteCourse, { courseId })],
      [
        "createLesson",
        () =>
          run(courses.createLesson, {
            courseId,
            title: "新课时",
            videoUrl: "/media/quick-start.mp4",
            duration: "0:12",
          }),
      ],
      [
        "updateLesson",
        () =>
          run(courses.updateLesson, {
            courseId,
            lessonId: lesson!.id,
            title: "改",
            videoUrl: "/media/x.mp4",
            duration: "1:00",
          }),
      ],
      ["moveLesson", () => run(courses.moveLesson, { courseId, lessonId: second!.id, direction: "up" })],
      ["deleteLesson", () => run(courses.deleteLesson, { courseId, lessonId: lesson!.id })],
      ["createQuestion", () => run(courses.createQuestion, validQuestion(courseId))],
      ["updateQuestion", () => run(courses.updateQuestion, { ...validQuestion(courseId), questionId: other!.id })],
      [
        "setQuestionActive",
        () => run(courses.setQuestionActive, { courseId, questionId: question!.id, active: "false" }),
      ],
      ["deleteQuestion", () => run(courses.deleteQuestion, { courseId, questionId: question!.id })],
      ["importQuestions (dry run)", () => run(courses.importQuestions, { courseId, mode: "dry-run", file })],
      [
        "importQuestions (commit)",
        () => run(courses.importQuestions, { courseId, mode: "commit", file, checksum: "x", expectedCount: "1" }),
      ],
    ];
    return { course, calls };
  }

  async function snapshot(courseId: string) {
    const db = getDb();
    return {
      course: await db.course.findUnique({ where: { id: courseId } }),
      courses: await db.course.count(),
      lessons: await db.lesson.findMany({ orderBy: { id: "asc" } }),
      questions: await db.question.findMany({ orderBy: { id: "asc" }, include: { options: true } }),
      audit: await db.auditLog.count(),
    };
  }

  it.each([
    ["a district administrator", "FORBIDDEN", () => signInAs("staff", district.id)],
    ["support staff", "FORBIDDEN", () => signInAs("staff", support.id)],
    ["a learner", "UNAUTHENTICATED", async () => signInAs("learner", (await createLearner()).id)],
    ["nobody", "UNAUTHENTICATED", () => signOutAll()],
  ])("refuses every write to %s and changes nothing", async (_who, code, signIn) => {
    const { course, calls } = await everyWrite();
    await signIn();
    const before = await snapshot(course.id);
    for (const [name, call] of calls) {
      expect({ name, result: await call() }).toMatchObject({ name, result: { ok: false, code } });
    }
    expect(await snapshot(course.id)).toEqual(before);
  });

  it("lets a city administrator make every write, each audit-logged", async () => {
    const { calls } = await everyWrite();
    signInAs("staff", city.id);
    const refusals: string[] = [];
    // In this order the course is still a draft without enrollments where each step needs it.
    const order = [
      "createCourse",
      "updateCourse",
      "updateExamSettings",
      "createLesson",
      "updateLesson",
      "moveLesson",
      "deleteLesson",
      "createQuestion",
      "setQuestionActive",
      "deleteQuestion",
      "updateQuestion",
      "importQuestions (dry run)",
      "publishCourse",
      "retireCourse",
      "deleteCourse",
    ];
    for (const name of order) {
      const call = calls.find(([n]) => n === name)?.[1];
      const result = await call!();
      if (!result.ok) refusals.push(`${name}: ${result.code} ${result.message}`);
    }
    expect(refusals).toEqual([]);
    expect(await auditActions()).toEqual([
      "course.create",
      "course.update",
      "course.exam-settings",
      "lesson.create",
      "lesson.update",
      "lesson.move",
      "lesson.delete",
      "question.create",
      "question.retire",
      "question.delete",
      "question.update",
      "course.publish",
      "course.retire",
      "course.delete",
    ]);
  });

  it("counts a course's enrolments in the list up to ENROLLMENTS_COUNTED, and says when there are more", async () => {
    const [few, many] = [await createCourse({ title: "少数人选" }), await createCourse({ title: "很多人选" })];
    const learners = [];
    for (let i = 0; i <= ENROLLMENTS_COUNTED; i += 50)
      learners.push(...(await Promise.all(Array.from({ length: 50 }, () => createLearner()))));
    for (let i = 0; i < learners.length; i += 50)
      await Promise.all(learners.slice(i, i + 50).map((learner) => createEnrollment(learner.id, many.id)));
    await Promise.all(learners.slice(0, 3).map((learner) => createEnrollment(learner.id, few.id)));
    const listed = (await listAdminCourses({ role: "CITY_ADMIN" }, { page: 1 })).courses;
    expect(listed.find((c) => c.id === few.id)).toMatchObject({ enrollmentCount: 3, enrollmentsCapped: false });
    expect(listed.find((c) => c.id === many.id)).toMatchObject({
      enrollmentCount: ENROLLMENTS_COUNTED,
      enrollmentsCapped: true,
    });
    expect((await findAdminCourse({ role: "CITY_ADMIN" }, many.id))?.enrollmentCount).toBe(learners.length);
  });

  it("lets a district administrator read the shared catalogue, and support staff nothing", async () => {
    const course = await createCourse({ status: "DRAFT", title: "草稿课程" });
    await createQuestionBank(course.id, { single: 1 });
    const districtStaff = { role: "DISTRICT_ADMIN" as const };
    expect((await listAdminCourses(districtStaff, { page: 1 })).courses.map((c) => c.title)).toEqual(["草稿课程"]);
    expect((await findAdminCourse(districtStaff, course.id))?.publishBlockers).toEqual(["至少需要 1 个课时"]);
    expect((await listAdminQuestions(districtStaff, course.id))?.questions).toHaveLength(1);
    const supportStaff = { role: "SUPPORT" as const };
    await expect(listAdminCourses(supportStaff, { page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findAdminCourse(supportStaff, course.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listAdminQuestions(supportStaff, course.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("serves the import template to administrators only", async () => {
    signInAs("staff", district.id);
    const response = await templateRoute();
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets[0]?.getRow(1).values).toEqual([undefined, ...IMPORT_COLUMNS]);
    signInAs("staff", support.id);
    expect((await templateRoute()).status).toBe(403);
    signOutAll();
    expect((await templateRoute()).status).toBe(401);
  });
});

describe("publishing, retiring and deleting", () => {
  beforeEach(() => signInAs("staff", city.id));

  it("creates a draft, refuses to publish it until it has a lesson and a question, then shows it to learners", async () => {
    const created = await run(courses.createCourse, {
      title: "政府会计准则制度解读",
      category: "PROFESSIONAL",
      credits: "12",
      description: "讲解政府会计准则。",
      coverUrl: "",
    });
    expect(created).toMatchObject({ ok: true, redirect: expect.stringMatching(/^\/admin\/courses\/\w+$/) });
    const course = await getDb().course.findFirstOrThrow({ where: { title: "政府会计准则制度解读" } });
    expect(course).toMatchObject({ status: "DRAFT", credits: 12, coverUrl: null, examQuestionCount: 10 });
    const learner = await createLearner();
    expect((await listCatalogue(learner.id, { page: 1 })).courses).toEqual([]);

    expect(await run(courses.publishCourse, { courseId: course.id })).toMatchObject({
      ok: false,
      code: "PUBLISH_BLOCKED",
      message: "课程还不能发布：至少需要 1 个课时；题库中至少需要 1 道启用的题目",
    });
    await run(courses.createLesson, {
      courseId: course.id,
      title: "第一讲",
      videoUrl: "/media/quick-start.mp4",
      duration: "0:12",
    });
    expect(await run(courses.publishCourse, { courseId: course.id })).toMatchObject({
      ok: false,
      message: "课程还不能发布：题库中至少需要 1 道启用的题目",
    });
    expect(await run(courses.createQuestion, validQuestion(course.id))).toMatchObject({ ok: true });
    expect(await run(courses.publishCourse, { courseId: course.id })).toMatchObject({ ok: true });
    expect(await run(courses.publishCourse, { courseId: course.id })).toMatchObject({
      ok: false,
      code: "ALREADY_PUBLISHED",
    });

    const published = await getDb().course.findUniqueOrThrow({ where: { id: course.id } });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt).toBeInstanceOf(Date);
    expect((await listCatalogue(learner.id, { page: 1 })).courses.map((c) => c.title)).toEqual([
      "政府会计准则制度解读",
    ]);
  });

  it("validates course fields and exam settings with Chinese messages, keeping the field names", async () => {
    const bad = await run(courses.createCourse, {
      title: " ",
      category: "OTHER",
      credits: "91",
      description: "",
      coverUrl: "javascript:alert(1)",
    });
    expect(bad).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    const errors = bad.fieldErrors ?? {};
    expect(Object.keys(errors).sort()).toEqual(["category", "coverUrl", "credits", "description", "title"]);
    expect(errors.credits).toEqual(["学分须为 1–90 的整数"]);

    const course = await createCourse({ status: "DRAFT" });
    const exam = await run(courses.updateExamSettings, {
      courseId: course.id,
      examQuestionCount: "51",
      examPassScore: "0",
      examTimeLimitMinutes: "4",
      examMaxAttempts: "1.5",
    });
    expect(exam.fieldErrors).toEqual({
      examQuestionCount: ["每份试卷题数须为 1–50 道 的整数"],
      examPassScore: ["及格分数须为 1–100 分 的整数"],
      examTimeLimitMinutes: ["考试时长须为 5–180 分钟 的整数"],
      examMaxAttempts: ["考试次数须为 1–10 次 的整数"],
    });
  });

  it("retires a published course: hidden from new learners, kept for enrolled ones; republishing keeps the first date", async () => {
    const course = await createCourse({ title: "已发布课程" });
    const firstPublished = course.publishedAt;
    const enrolled = await createLearner();
    await createEnrollment(enrolled.id, course.id);
    const newcomer = await createLearner();
    expect(await run(courses.retireCourse, { courseId: course.id })).toMatchObject({ ok: true });
    expect((await listCatalogue(newcomer.id, { page: 1 })).courses).toEqual([]);
    expect(await findCourseForLearner(newcomer.id, course.id)).toBeNull();
    expect((await findCourseForLearner(enrolled.id, course.id))?.status).toBe("RETIRED");
    expect(await run(courses.retireCourse, { courseId: course.id })).toMatchObject({
      ok: false,
      code: "NOT_PUBLISHED",
    });

    await createLessons(course.id, [30]);
    await createQuestionBank(course.id, { single: 1 });
    expect(await run(courses.publishCourse, { courseId: course.id })).toMatchObject({ ok: true });
    const again = await getDb().course.findUniqueOrThrow({ where: { id: course.id } });
    expect(again.publishedAt).toEqual(firstPublished);
  });

  it("deletes a course nobody enrolled in, with its lessons and questions, but only retires one with learners", async () => {
    const lonely = await createCourse({ status: "PUBLISHED" });
    await createLessons(lonely.id, [60]);
    await createQuestionBank(lonely.id, { single: 2 });
    expect(await run(courses.deleteCourse, { courseId: lonely.id })).toEqual({ ok: true, redirect: "/admin/courses" });
    expect(await getDb().course.count({ where: { id: lonely.id } })).toBe(0);
    expect(await getDb().lesson.count()).toBe(0);
    expect(await getDb().question.count()).toBe(0);

    const popular = await createCourse({ status: "RETIRED" });
    const learner = await createLearner();
    await createEnrollment(learner.id, popular.id, { status: "CREDITED" });
    expect(await run(courses.deleteCourse, { courseId: popular.id })).toMatchObject({
      ok: false,
      code: "COURSE_HAS_ENROLLMENTS",
      message: expect.stringContaining("不能删除"),
    });
    expect(await getDb().course.count({ where: { id: popular.id } })).toBe(1);
    expect(await run(courses.deleteCourse, { courseId: "no-such-course" })).toMatchObject({ code: "COURSE_NOT_FOUND" });
  });

  it("keeps credits and category once anyone enrolled, while the title may still change", async () => {
    const course = await createCourse({ credits: 6, category: "PUBLIC" });
    await createEnrollment((await createLearner()).id, course.id);
    const base = { courseId: course.id, title: "新标题", description: "简介", category: "PUBLIC", credits: "6" };
    expect(await run(courses.updateCourse, { ...base, credits: "9" })).toMatchObject({
      ok: false,
      code: "COURSE_TERMS_LOCKED",
      fieldErrors: { credits: [expect.any(String)] },
    });
    expect(await run(courses.updateCourse, { ...base, category: "PROFESSIONAL" })).toMatchObject({
      code: "COURSE_TERMS_LOCKED",
    });
    expect(await run(courses.updateCourse, base)).toMatchObject({ ok: true });
    expect(await getDb().course.findUniqueOrThrow({ where: { id: course.id } })).toMatchObject({
      title: "新标题",
      credits: 6,
    });
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "course.update" } });
    expect(audit.details).toMatchObject({ before: { title: course.title }, after: { title: "新标题" } });
  });
});

describe("lessons", () => {
  beforeEach(() => signInAs("staff", city.id));

  it("adds, edits, reorders and removes lessons while nobody has enrolled", async () => {
    const course = await createCourse({ status: "DRAFT" });
    for (const title of ["一", "二", "三"]) {
      await run(courses.createLesson, {
        courseId: course.id,
        title,
        videoUrl: `/media/${title}.mp4`,
        duration: "10:00",
      });
    }
    const titles = async () =>
      (await getDb().lesson.findMany({ where: { courseId: course.id }, orderBy: { position: "asc" } })).map((l) => [
        l.position,
        l.title,
      ]);
    const [first, , third] = await getDb().lesson.findMany({
      where: { courseId: course.id },
      orderBy: { position: "asc" },
    });
    await run(courses.moveLesson, { courseId: course.id, lessonId: third!.id, direction: "up" });
    expect(await titles()).toEqual([
      [1, "一"],
      [2, "三"],
      [3, "二"],
    ]);
    await run(courses.moveLesson, { courseId: course.id, lessonId: first!.id, direction: "up" }); // already first
    await run(courses.deleteLesson, { courseId: course.id, lessonId: first!.id });
    expect(await titles()).toEqual([
      [1, "三"],
      [2, "二"],
    ]);
    expect(
      await run(courses.updateLesson, {
        courseId: course.id,
        lessonId: third!.id,
        title: "三（修订）",
        videoUrl: "https://cdn.example.cn/3.m3u8",
        duration: "1:02:03",
      }),
    ).toEqual({ ok: true, redirect: `/admin/courses/${course.id}/lessons` });
    expect(await getDb().lesson.findUniqueOrThrow({ where: { id: third!.id } })).toMatchObject({
      title: "三（修订）",
      videoUrl: "https://cdn.example.cn/3.m3u8",
      durationSeconds: 3723,
    });
  });

  it("refuses bad addresses and durations with field messages", async () => {
    const course = await createCourse({ status: "DRAFT" });
    const result = await run(courses.createLesson, {
      courseId: course.id,
      title: "",
      videoUrl: "//evil.example/x.mp4",
      duration: "1:75",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        title: [expect.any(String)],
        videoUrl: [expect.stringContaining("单个")],
        duration: [expect.stringContaining("分:秒")],
      },
    });
  });

  it("under enrollments: edits and additions yes, removal and reordering no, progress untouched", async () => {
    const course = await createCourse();
    const [a, b] = await createLessons(course.id, [60, 60]);
    const learner = await createLearner();
    const enrollment = await createEnrollment(learner.id, course.id);
    await getDb().lessonProgress.create({
      data: { enrollmentId: enrollment.id, lessonId: a!.id, verifiedMs: 60_000, completedAt: new Date() },
    });
    expect(await run(courses.moveLesson, { courseId: course.id, lessonId: b!.id, direction: "up" })).toMatchObject({
      code: "LESSONS_LOCKED",
    });
    expect(await run(courses.deleteLesson, { courseId: course.id, lessonId: b!.id })).toMatchObject({
      code: "LESSONS_LOCKED",
    });
    expect(
      await run(courses.updateLesson, {
        courseId: course.id,
        lessonId: a!.id,
        title: "第1讲（新）",
        videoUrl: "/media/new.mp4",
        duration: "2:00",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await run(courses.createLesson, {
        courseId: course.id,
        title: "补充",
        videoUrl: "/media/c.mp4",
        duration: "0:30",
      }),
    ).toMatchObject({ ok: true });
    expect(await getDb().lesson.count({ where: { courseId: course.id } })).toBe(3);
    const progress = await getDb().lessonProgress.findUniqueOrThrow({
      where: { enrollmentId_lessonId: { enrollmentId: enrollment.id, lessonId: a!.id } },
    });
    expect(progress.completedAt).toBeInstanceOf(Date);
    expect(progress.verifiedMs).toBe(60_000);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "lesson.update" } });
    expect(audit.details).toMatchObject({
      before: { durationSeconds: 60 },
      after: { durationSeconds: 120 },
      enrollmentCount: 1,
    });
  });

  it("keeps the last lesson of a published course, and finds no lesson of another course", async () => {
    const course = await createCourse();
    const [only] = await createLessons(course.id, [60]);
    expect(await run(courses.deleteLesson, { courseId: course.id, lessonId: only!.id })).toMatchObject({
      code: "LAST_LESSON",
    });
    const other = await createCourse({ status: "DRAFT" });
    expect(await run(courses.deleteLesson, { courseId: other.id, lessonId: only!.id })).toMatchObject({
      code: "LESSON_NOT_FOUND",
    });
    expect(
      await run(courses.updateLesson, {
        courseId: other.id,
        lessonId: only!.id,
        title: "x",
        videoUrl: "/media/x.mp4",
        duration: "1:00",
      }),
    ).toMatchObject({ code: "LESSON_NOT_FOUND" });
  });
});

describe("question banks", () => {
  beforeEach(() => signInAs("staff", city.id));

  it("adds questions of each type through the form fields and refuses invalid ones by field", async () => {
    const course = await createCourse({ status: "DRAFT" });
    const ok = [
      validQuestion(course.id),
      {
        courseId: course.id,
        type: "MULTIPLE",
        stem: "课程分为哪两类？",
        optionA: "公需科目",
        optionB: "专业科目",
        optionC: "选修",
        correct: ["A", "B"],
      },
      {
        courseId: course.id,
        type: "TRUE_FALSE",
        stem: "学分可以结转。",
        optionA: "正确",
        optionB: "错误",
        correct: "B",
      },
    ];
    for (const input of ok) {
      expect(await run(courses.createQuestion, input)).toEqual({
        ok: true,
        redirect: `/admin/courses/${course.id}/questions`,
      });
    }
    const bank = await getDb().question.findMany({
      where: { courseId: course.id },
      orderBy: { position: "asc" },
      include: { options: { orderBy: { position: "asc" } } },
    });
    expect(bank.map((q) => [q.position, q.type, q.options.filter((o) => o.correct).map((o) => o.label)])).toEqual([
      [1, "SINGLE", ["90"]],
      [2, "MULTIPLE", ["公需科目", "专业科目"]],
      [3, "TRUE_FALSE", ["错误"]],
    ]);

    const bad = await run(courses.createQuestion, {
      ...validQuestion(course.id),
      type: "MULTIPLE",
      stem: "",
      correct: "B",
    });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { stem: ["请填写题干"], correct: ["多选题至少需要 2 个正确答案"] },
    });
  });

  it("retires a question used on a paper instead of deleting it, and edits it as a replacement", async () => {
    const course = await createCourse();
    const [used, unused] = await createQuestionBank(course.id, { single: 2 });
    await putOnPaper(course.id, [used!.id]);
    expect(await run(courses.deleteQuestion, { courseId: course.id, questionId: used!.id })).toMatchObject({
      ok: false,
      code: "QUESTION_USED",
      message: "该题已用于考试试卷，不能删除，只能停用",
    });
    expect(
      await run(courses.updateQuestion, { ...validQuestion(course.id, "修订后的题干"), questionId: used!.id }),
    ).toMatchObject({ ok: true });
    const old = await getDb().question.findUniqueOrThrow({ where: { id: used!.id }, include: { options: true } });
    expect(old.active).toBe(false);
    expect(old.stem).toMatch(/^测试题/); // the graded paper still shows what was asked
    const replacement = await getDb().question.findFirstOrThrow({
      where: { courseId: course.id, stem: "修订后的题干" },
    });
    expect(replacement).toMatchObject({ active: true, position: old.position });

    expect(
      await run(courses.setQuestionActive, { courseId: course.id, questionId: unused!.id, active: "false" }),
    ).toMatchObject({ ok: true });
    expect(
      await run(courses.setQuestionActive, { courseId: course.id, questionId: replacement.id, active: "false" }),
    ).toMatchObject({
      code: "LAST_QUESTION",
    });
    expect(await run(courses.deleteQuestion, { courseId: course.id, questionId: replacement.id })).toMatchObject({
      code: "LAST_QUESTION",
    });
    expect(await run(courses.deleteQuestion, { courseId: course.id, questionId: unused!.id })).toMatchObject({
      ok: true,
    });
    expect(
      await run(courses.setQuestionActive, { courseId: course.id, questionId: used!.id, active: "true" }),
    ).toMatchObject({ ok: true });
    expect(await getDb().question.count({ where: { courseId: course.id, active: true } })).toBe(2);
  });

  it("edits an unused question in place of the old row, which is gone", async () => {
    const course = await createCourse({ status: "DRAFT" });
    const [question] = await createQuestionBank(course.id, { single: 1 });
    const result = await run(courses.updateQuestion, {
      ...validQuestion(course.id, "新题干"),
      questionId: question!.id,
    });
    expect(result).toMatchObject({ ok: true });
    expect(await getDb().question.count({ where: { id: question!.id } })).toBe(0);
    expect(
      await getDb().question.findMany({ where: { courseId: course.id }, select: { stem: true, position: true } }),
    ).toEqual([{ stem: "新题干", position: 1 }]);
  });
});

describe("question import", () => {
  beforeEach(() => signInAs("staff", city.id));

  const rows = [
    ["单选", "导入题一", "甲", "乙", "丙", "丁", "", "A", "解析一"],
    ["多选", "导入题二", "甲", "乙", "丙", "", "", "AC", ""],
    ["判断", "导入题三", "", "", "", "", "", "正确", ""],
    ["单选", "坏题", "甲", "乙", "", "", "", "AB", ""],
  ];

  it("checks first (nothing written, bad rows listed), then imports the valid rows of the same file", async () => {
    const course = await createCourse({ status: "DRAFT" });
    const file = await workbook(rows);
    const check = await run(courses.importQuestions, { courseId: course.id, mode: "dry-run", file });
    expect(check).toMatchObject({
      ok: true,
      data: {
        mode: "dry-run",
        fileProblem: null,
        validCount: 3,
        invalid: [{ rowNumber: 5, reasons: ["单选题须有且只有 1 个正确答案"] }],
      },
    });
    expect(await getDb().question.count()).toBe(0);
    const { checksum } = (check as { data: { checksum: string } }).data;

    const other = await workbook(rows.slice(0, 1));
    expect(
      await run(courses.importQuestions, {
        courseId: course.id,
        mode: "commit",
        file: other,
        checksum,
        expectedCount: "3",
      }),
    ).toMatchObject({
      code: "IMPORT_CHANGED",
    });
    expect(
      await run(courses.importQuestions, { courseId: course.id, mode: "commit", file, checksum, expectedCount: "4" }),
    ).toMatchObject({
      code: "IMPORT_CHANGED",
    });
    expect(await getDb().question.count()).toBe(0);

    expect(
      await run(courses.importQuestions, { courseId: course.id, mode: "commit", file, checksum, expectedCount: "3" }),
    ).toEqual({
      ok: true,
      data: { mode: "commit", imported: 3, skippedRows: [5] },
    });
    const bank = await getDb().question.findMany({
      where: { courseId: course.id },
      orderBy: { position: "asc" },
      include: { options: true },
    });
    expect(bank.map((q) => [q.stem, q.type, q.options.length])).toEqual([
      ["导入题一", "SINGLE", 4],
      ["导入题二", "MULTIPLE", 3],
      ["导入题三", "TRUE_FALSE", 2],
    ]);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "question.import" } });
    expect(audit).toMatchObject({
      targetId: course.id,
      details: { imported: 3, skippedRows: [5], fileName: "题库.xlsx" },
    });

    // The same file again: every stem is in the bank now, so nothing is imported twice.
    const again = await run(courses.importQuestions, { courseId: course.id, mode: "dry-run", file });
    expect(again).toMatchObject({ ok: true, data: { validCount: 0 } });
    expect(
      await run(courses.importQuestions, { courseId: course.id, mode: "commit", file, checksum, expectedCount: "0" }),
    ).toMatchObject({
      code: "IMPORT_NOTHING",
    });
  });

  it("writes nothing when the database refuses part of the import", async () => {
    const course = await createCourse({ status: "DRAFT" });
    const file = await workbook(rows.slice(0, 3));
    const check = await run(courses.importQuestions, { courseId: course.id, mode: "dry-run", file });
    const { checksum } = (check as { data: { checksum: string } }).data;
    const db = getDb();
    await db.$executeRawUnsafe(`
      CREATE FUNCTION test_refuse_option() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.label = '丙' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_option BEFORE INSERT ON "QuestionOption" FOR EACH ROW EXECUTE FUNCTION test_refuse_option()`,
    );
    try {
      const result = await run(courses.importQuestions, {
        courseId: course.id,
        mode: "commit",
        file,
        checksum,
        expectedCount: "3",
      });
      expect(result).toMatchObject({ ok: false, code: "INTERNAL" });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_refuse_option ON "QuestionOption"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_refuse_option()`);
    }
    expect(await db.question.count()).toBe(0);
    expect(await db.questionOption.count()).toBe(0);
    expect(await auditActions()).toEqual([]);
  });

  it("describes a file that is not the template", async () => {
    const course = await createCourse({ status: "DRAFT" });
    const notXlsx = new File(["身份证号,姓名\n"], "learners.csv");
    expect(await run(courses.importQuestions, { courseId: course.id, mode: "dry-run", file: notXlsx })).toMatchObject({
      code: "IMPORT_UNREADABLE",
    });
    const book = new ExcelJS.Workbook();
    book.addWorksheet("学员").addRow(["身份证号", "姓名"]);
    const wrong = new File([await book.xlsx.writeBuffer()], "wrong.xlsx");
    expect(await run(courses.importQuestions, { courseId: course.id, mode: "dry-run", file: wrong })).toMatchObject({
      ok: true,
      data: { fileProblem: "第 1 行须为模板的表头，第 1 列应为“题型”", validCount: 0 },
    });
    expect(await run(courses.importQuestions, { courseId: course.id, mode: "dry-run" })).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { file: [expect.any(String)] },
    });
  });
});

describe("video upload and serving", () => {
  const uploaded: string[] = [];
  const sample = () => readFile("public/media/quick-start.mp4");

  afterAll(async () => {
    await Promise.all(uploaded.map((name) => unlink(path.join(mediaStorageDir(), name)).catch(() => undefined)));
  });

  function uploadRequest(body: BodyInit, headers: Record<string, string> = {}) {
    return new Request("http://127.0.0.1:3000/media/uploads", {
      method: "POST",
      body,
      headers: { host: "127.0.0.1:3000", "content-type": "video/mp4", ...headers },
    });
  }

  const params = (file: string) => ({ params: Promise.resolve({ file }) });

  it("stores an MP4 from a city administrator, reads its duration, and serves it with byte ranges", async () => {
    signInAs("staff", city.id);
    const bytes = await sample();
    const response = await uploadRoute(
      uploadRequest(bytes, { origin: "http://127.0.0.1:3000", "x-file-name": encodeURIComponent("第一讲.mp4") }),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { url: string; durationSeconds: number; bytes: number };
    expect(body).toMatchObject({
      url: expect.stringMatching(/^\/media\/uploads\/[0-9a-f-]{36}\.mp4$/),
      durationSeconds: 12,
      bytes: bytes.length,
    });
    const name = body.url.split("/").pop()!;
    uploaded.push(name);
    expect(await getDb().auditLog.findFirst({ where: { action: "media.upload", targetId: name } })).toMatchObject({
      actorId: city.id,
      details: { originalName: "第一讲.mp4", bytes: bytes.length, durationSeconds: 12 },
    });

    const whole = await serveUpload(new Request(`http://x${body.url}`), params(name));
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const part = await serveUpload(
      new Request(`http://x${body.url}`, { headers: { range: "bytes=100-1099" } }),
      params(name),
    );
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-1099/${bytes.length}`);
    expect(part.headers.get("content-length")).toBe("1000");
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 1100))).toBe(true);

    const tail = await serveUpload(
      new Request(`http://x${body.url}`, { headers: { range: "bytes=-10" } }),
      params(name),
    );
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 10))).toBe(true);

    const beyond = await serveUpload(
      new Request(`http://x${body.url}`, { headers: { range: `bytes=${bytes.length}-` } }),
      params(name),
    );
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${bytes.length}`);

    const head = await headUpload(new Request(`http://x${body.url}`, { method: "HEAD" }), params(name));
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(bytes.length));

    // A lesson stores the served address.
    const course = await createCourse({ status: "DRAFT" });
    expect(
      await run(courses.createLesson, {
        courseId: course.id,
        title: "上传的课时",
        videoUrl: body.url,
        duration: "0:12",
      }),
    ).toMatchObject({ ok: true });
  });

  it("refuses other roles, other sites, oversize declarations and files that are not videos, leaving nothing behind", async () => {
    const bytes = await sample();
    signOutAll();
    expect((await uploadRoute(uploadRequest(bytes))).status).toBe(401);
    signInAs("learner", (await createLearner()).id);
    expect((await uploadRoute(uploadRequest(bytes))).status).toBe(401);
    for (const staff of [district, support]) {
      signInAs("staff", staff.id);
      expect((await uploadRoute(uploadRequest(bytes))).status).toBe(403);
    }
    signInAs("staff", city.id);
    expect((await uploadRoute(uploadRequest(bytes, { origin: "https://evil.example" }))).status).toBe(403);
    const huge = await uploadRoute(uploadRequest(bytes, { "content-length": String(600 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    const notVideo = await uploadRoute(uploadRequest(new TextEncoder().encode("<html>not a video</html>")));
    expect(notVideo.status).toBe(400);
    expect(await notVideo.json()).toMatchObject({
      code: "UPLOAD_NOT_VIDEO",
      message: "只支持 MP4 或 WebM 格式的视频文件",
    });
    const leftovers = (await readdir(mediaStorageDir()).catch(() => [])).filter((f) => f.startsWith(".upload-"));
    expect(leftovers).toEqual([]);
    expect(await getDb().auditLog.count({ where: { action: "media.upload" } })).toBe(0);
  });

  it("stops reading a body as soon as it passes the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    await expect(saveUploadedVideo(endless, { maxBytes: 10 * 1024 })).rejects.toMatchObject({
      code: "UPLOAD_TOO_LARGE",
    });
    expect(pulled).toBeLessThan(20);
  });

  it("serves nothing outside the stored names", async () => {
    for (const name of [
      "..%2F..%2Fpackage.json",
      "../package.json",
      "package.json",
      "0f8fad5b-d9cb-469f-a165-70867728950e.mp4",
    ]) {
      expect((await serveUpload(new Request("http://x/media/uploads/x"), params(name))).status).toBe(404);
    }
  });
});
