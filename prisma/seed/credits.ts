// The demo learners' history, recorded through the real ledger functions:
// 李明 (from 2024): 2024 complete with 60 professional + 36 public; 2025 in progress with
// 30 professional + 12 public, so 2025 is his active (catch-up) year with 48 credits to go.
// 张伟, 王芳 and 陈静 have nothing yet.
import type { Db } from "../../src/server/db";
import { awardCourseCredits } from "../../src/server/credits/award-course-credits";
import { recordActivityCredits } from "../../src/server/credits/record-activity-credits";
import { hashIdNumber } from "../../src/server/identity/id-number-crypto";

async function courseId(db: Db, title: string): Promise<string> {
  const course = await db.course.findFirst({ where: { title }, select: { id: true } });
  if (!course) throw new Error(`Demo course "${title}" is missing`);
  return course.id;
}

/** A course the learner studied and passed: the enrollment, then the award (prior year first). */
async function passCourse(db: Db, learnerId: string, title: string, creditYear: number) {
  const id = await courseId(db, title);
  await db.enrollment.upsert({
    where: { learnerId_courseId: { learnerId, courseId: id } },
    create: { learnerId, courseId: id, creditYear, status: "EXAM_PENDING", studyCompletedAt: new Date() },
    update: {},
  });
  await awardCourseCredits({ learnerId, courseId: id });
}

export async function seedDemoCredits(db: Db, recordedById: string): Promise<void> {
  const liMing = await db.learner.findUnique({
    where: { idNumberHmac: hashIdNumber("420102198503121238") },
    select: { id: true },
  });
  if (!liMing) throw new Error("Demo learner 李明 is missing");
  const learnerId = liMing.id;
  if ((await db.creditEntry.count({ where: { learnerId } })) > 0) return;

  // 2024 (his first year): a course passed while it was still offered, then other activities.
  await passCourse(db, learnerId, "会计诚信教育（2023年版）", 2024);
  const activity = { learnerId, recordedById } as const;
  await recordActivityCredits({
    ...activity,
    year: 2024,
    category: "PUBLIC",
    activityType: "CONFERENCE",
    days: 3,
    note: "2024年湖北省会计学会年会",
    idempotencyKey: "demo-liming-2024-conference",
  });
  await recordActivityCredits({
    ...activity,
    year: 2024,
    category: "PROFESSIONAL",
    activityType: "RESEARCH_MEMBER",
    note: "武汉市财政局课题：行政事业单位预算绩效评价",
    idempotencyKey: "demo-liming-2024-research",
  });
  // 2025: a paper, and two public courses; 2024 is complete, so they count for 2025.
  await recordActivityCredits({
    ...activity,
    year: 2025,
    category: "PROFESSIONAL",
    activityType: "PAPER_FIRST",
    note: "《财务共享模式下的内部控制》，《财会通讯》2025年第3期",
    idempotencyKey: "demo-liming-2025-paper",
  });
  await passCourse(db, learnerId, "学习贯彻党的二十届三中全会精神", 2025);
  await passCourse(db, learnerId, "数字素养与会计信息化", 2025);
}
