// The data of the exam benchmark (scripts/bench/exams.ts): courses with a 20-question bank and
// learners whose study of them is complete, made through the portal's own functions.
import { computeCheckCharacter } from "../../src/domain/identity";
import { currentYear } from "../../src/lib/time";

/** Credits of the benchmark's courses. */
export const COURSE_CREDITS = 6;

let idCounter = 0;

/** A valid, unique ID number (one birth date per learner). */
function idNumber(): string {
  const n = ++idCounter;
  const birth = new Date(Date.UTC(1970, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
  const first17 = `420102${birth}123`;
  return first17 + computeCheckCharacter(first17);
}

/** A course with a 20-question bank, and `count` learners whose study of it is complete. */
export async function seed(count: number, title: string) {
  const { getDb } = await import("../../src/server/db");
  const { registerLearner } = await import("../../src/server/learners/register-learner");
  const db = getDb();
  const district = await db.district.findFirstOrThrow({ where: { code: "jiangan" } });
  const course = await db.course.create({
    data: { title, category: "PROFESSIONAL", credits: COURSE_CREDITS, description: "压力测试", status: "PUBLISHED" },
  });
  const key = new Map<string, string[]>();
  for (let i = 0; i < 20; i++) {
    const type = i < 12 ? "SINGLE" : i < 16 ? "MULTIPLE" : "TRUE_FALSE";
    const labels = type === "TRUE_FALSE" ? ["正确", "错误"] : ["甲", "乙", "丙", "丁"];
    const correct = type === "MULTIPLE" ? 2 : 1;
    const q = await db.question.create({
      data: {
        courseId: course.id,
        type,
        stem: `第 ${i + 1} 题`,
        explanation: "解析",
        position: i + 1,
        options: { create: labels.map((label, position) => ({ label, position, correct: position < correct })) },
      },
      select: { id: true, options: { where: { correct: true }, select: { id: true } } },
    });
    key.set(
      q.id,
      q.options.map((o) => o.id),
    );
  }
  const learners: { idNumber: string; name: string; enrollmentId: string; passes: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const id = idNumber();
    const name = "测试学员";
    const learner = await registerLearner(
      {
        idNumber: id,
        name,
        districtId: district.id,
        employer: "压测单位",
        qualification: "JUNIOR",
        startYear: currentYear(),
      },
      { staffUserId: null },
    );
    const enrollment = await db.enrollment.create({
      data: { learnerId: learner.id, courseId: course.id, creditYear: learner.startYear, status: "EXAM_PENDING" },
    });
    // Four in five answer everything right; the others get 3 of 10 and fail.
    learners.push({ idNumber: id, name, enrollmentId: enrollment.id, passes: i % 5 !== 0 });
  }
  return { courseId: course.id, key, learners };
}
export type Seeded = Awaited<ReturnType<typeof seed>>;
