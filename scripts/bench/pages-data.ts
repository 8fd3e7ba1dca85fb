// The data npm run bench:pages renders: the demo data (prisma/seed), and for 李明 what the
// learner pages show beyond it: a course in study (the player), an open exam attempt (the paper)
// and a graded one (its result), made through the portal's own functions.
import { BENCH_SECRETS } from "./lib";

const LI_MING_ID_NUMBER = "420102198503121238";
const STUDY_COURSE = "企业会计准则第14号——收入";
const PAPER_COURSE = "内部控制规范与风险管理";
const RESULT_COURSE = "管理会计应用指引";
/** A published course he has not enrolled in: the catalogue page a learner browses to. */
export const BROWSED_COURSE = "增值税法解读";

export interface PagesData {
  learnerId: string;
  browsedCourseId: string;
  studyEnrollmentId: string;
  paper: { enrollmentId: string; attemptId: string };
  result: { enrollmentId: string; attemptId: string };
}

/**
 * Seeds the database at `databaseUrl` (migrated, empty). An open attempt has a deadline (30
 * minutes by default): call this once the portal is built, shortly before serving it.
 */
export async function seedPagesData(databaseUrl: string): Promise<PagesData> {
  // The portal's modules read their configuration on first use: set it before loading them.
  Object.assign(process.env, BENCH_SECRETS, { DATABASE_URL: databaseUrl });
  const { getDb } = await import("../../src/server/db");
  const { sqlPool } = await import("../../src/server/sql");
  const { seedDemoData } = await import("../../prisma/seed");
  const { hashIdNumber } = await import("../../src/server/identity/id-number-crypto");
  const { enrollInCourse } = await import("../../src/server/enrollments/enroll-in-course");
  const { startAttempt } = await import("../../src/server/exams/start-attempt");
  const { submitAttempt } = await import("../../src/server/exams/submit-attempt");
  const db = getDb();
  try {
    await seedDemoData(db, { staffPassword: "Bench-Password-2026!" });
    const learner = await db.learner.findUniqueOrThrow({
      where: { idNumberHmac: hashIdNumber(LI_MING_ID_NUMBER) },
      select: { id: true },
    });
    const courseId = async (title: string) =>
      (await db.course.findFirstOrThrow({ where: { title, status: "PUBLISHED" }, select: { id: true } })).id;
    const enroll = async (title: string) => (await enrollInCourse(learner.id, await courseId(title))).enrollmentId;
    // An exam opens once the study is complete, which the player's verified study time would
    // record; set here as the demo seed does for the courses he has passed.
    const readyForExam = async (title: string) => {
      const enrollmentId = await enroll(title);
      await db.enrollment.update({
        where: { id: enrollmentId },
        data: { status: "EXAM_PENDING", studyCompletedAt: new Date() },
      });
      return enrollmentId;
    };

    const studyEnrollmentId = await enroll(STUDY_COURSE);
    const paperEnrollmentId = await readyForExam(PAPER_COURSE);
    const paper = await startAttempt(learner.id, { enrollmentId: paperEnrollmentId });
    const resultEnrollmentId = await readyForExam(RESULT_COURSE);
    const graded = await startAttempt(learner.id, { enrollmentId: resultEnrollmentId });
    // Handed in blank, so failed: the result page then also reads what may come next (再考一次),
    // the heavier of its two cases.
    await submitAttempt(learner.id, { attemptId: graded.attemptId });
    return {
      learnerId: learner.id,
      browsedCourseId: await courseId(BROWSED_COURSE),
      studyEnrollmentId,
      paper: { enrollmentId: paperEnrollmentId, attemptId: paper.attemptId },
      result: { enrollmentId: resultEnrollmentId, attemptId: graded.attemptId },
    };
  } finally {
    await db.$disconnect();
    await sqlPool().end();
  }
}
