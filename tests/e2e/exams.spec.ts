// Exams as learners sit them: study the short course, pass its exam and see the credits in the
// right year; fail five times and have to study again; run out of time with answers saved.
// The demo question banks (prisma/seed/question-banks/, read by prisma/seed/questions.ts) give
// the answers; the paper never does.
import type { Page } from "@playwright/test";
import { SHORT_COURSE_TITLE } from "../../prisma/seed/courses";
import { DEMO_QUESTION_BANKS, type DemoQuestion } from "../../prisma/seed/questions";
import { DEMO, E2E, expect, expectAccessible, loginAs, sql, test } from "./fixtures";

// Each learner's exam history is shared by every viewport of a run: the flows run once, on the
// desktop project, and check the 375 px layout themselves.
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one learner's exam history serves one viewport");
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const correctLabels = (q: DemoQuestion) => q.options.filter((o) => o.correct).map((o) => o.label);
const wrongLabel = (q: DemoQuestion) => q.options.find((o) => !o.correct)?.label ?? "";

function bankOf(title: string): readonly DemoQuestion[] {
  const bank = DEMO_QUESTION_BANKS[title];
  if (!bank) throw new Error(`no demo bank for ${title}`);
  return bank;
}

/** Enrolls in (or continues) the short course, watches its 12 s lesson and opens the exam. */
async function studyShortCourse(page: Page) {
  await page.goto(`/courses?q=${encodeURIComponent("快速体验")}`);
  await page.getByRole("link", { name: SHORT_COURSE_TITLE }).click();
  await page
    .getByRole("button", { name: "开始学习" })
    .or(page.getByRole("link", { name: "继续学习" }))
    .click();
  await expect(page).toHaveURL(/\/learn\/[^/]+$/);
  const play = page.getByRole("button", { name: "播放", exact: true });
  await expect(play).toBeEnabled({ timeout: 15_000 });
  await play.click();
  await page.getByRole("link", { name: "参加考试" }).click({ timeout: 45_000 });
  await expect(page).toHaveURL(/\/exams\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SHORT_COURSE_TITLE);
}

/** 开始考试 / 再考一次 on the exam page: lands on the paper. */
async function startExam(page: Page, label: "开始考试" | "再考一次" = "开始考试") {
  await page.getByRole("button", { name: label }).click();
  await expect(page).toHaveURL(/\/exams\/[^/]+\/attempts\/[^/]+$/);
  await expect(page.getByRole("timer")).toBeVisible();
}

/** Answers the paper's questions found in `bank`: `pick` says which option labels to choose. */
async function answer(page: Page, bank: readonly DemoQuestion[], pick: (q: DemoQuestion, index: number) => string[]) {
  const groups = page.getByRole("form", { name: "试卷" }).getByRole("group");
  const count = await groups.count();
  let answered = 0;
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    const legend = await group.locator("legend").innerText();
    const index = bank.findIndex((q) => legend.includes(q.stem));
    const question = bank[index];
    if (!question) throw new Error(`a question not in the bank: ${legend}`);
    const labels = pick(question, answered++);
    for (const label of labels) {
      const role = question.type === "MULTIPLE" ? "checkbox" : "radio";
      await group.getByRole(role, { name: new RegExp(`^[A-Z]\\. ${escape(label)}$`) }).check();
    }
  }
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toBeVisible();
  return count;
}

async function handIn(page: Page) {
  await page.getByRole("button", { name: "交卷", exact: true }).click();
  await page.getByRole("button", { name: "确认交卷" }).click();
  await expect(page.getByRole("heading", { name: "考试结果" })).toBeVisible();
}

async function expectFitsPhone(page: Page) {
  await page.setViewportSize({ width: 375, height: 740 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("[LEARNER][EXAM] 张伟 studies the short course, passes its exam and sees the credits in 2024", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const bank = bankOf(SHORT_COURSE_TITLE);
  await loginAs(page, DEMO.zhangWei);
  await studyShortCourse(page);
  await expect(page.getByText(`每次考试 ${bank.length} 题`)).toBeVisible();
  await expectAccessible(page);

  await startExam(page);
  // The paper (its HTML and the data for its components) holds no key and no explanation.
  const html = await page.content();
  expect(html).not.toMatch(/\\?"correct\\?":/);
  for (const q of bank) expect(html).not.toContain(q.explanation);
  await expect(page.getByRole("timer")).toHaveText(/^(30:00|29:5\d)$/);
  // Two right answers, a reload, the rest: the saved ones come back with the same paper.
  const firstTwo = (q: DemoQuestion, i: number) => (i < 2 ? correctLabels(q) : []);
  expect(await answer(page, bank, firstTwo)).toBe(bank.length);
  await page.reload();
  await expect(
    page.getByRole("radio", { checked: true }).or(page.getByRole("checkbox", { checked: true })),
  ).not.toHaveCount(0);
  await answer(page, bank, (q) => correctLabels(q));
  await expect(page.getByText(`已答 ${bank.length} / ${bank.length} 题`)).toBeVisible();
  await expectAccessible(page);
  await expectFitsPhone(page);

  await handIn(page);
  await expect(page.getByText("100 分", { exact: true })).toBeVisible();
  await expect(page.getByText("考试通过", { exact: true })).toBeVisible();
  await expect(page.getByText("恭喜您通过考试！本课程 3 学分已计入 2024 年度。")).toBeVisible();
  // After a pass the key and the explanations are shown.
  await expect(page.getByText("解析：").first()).toBeVisible();
  await expectAccessible(page);
  await expectFitsPhone(page);
  const attemptUrl = page.url();
  const examUrl = attemptUrl.replace(/\/attempts\/[^/]+$/, "");

  // For another learner, 张伟's exam and attempt do not exist.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.0.6.77" } });
  const intruder = await other.newPage();
  await loginAs(intruder, DEMO.wangFang);
  for (const url of [examUrl, attemptUrl, "/exams/no-such-enrollment"]) {
    expect((await intruder.goto(url))?.status(), url).toBe(404);
    await expect(intruder.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  }
  await other.close();

  await page.getByRole("link", { name: "返回首页查看学分" }).click();
  const y2024 = page.getByRole("article", { name: "2024 年度" });
  await expect(y2024.getByRole("meter", { name: "总学分" })).toHaveAttribute("aria-valuenow", "3");
  await expect(y2024.getByText(/公需科目 3 学分/)).toBeVisible();
  await page.goto("/records");
  await expect(page.getByRole("region", { name: "2024 年度" }).getByText(SHORT_COURSE_TITLE)).toBeVisible();
});

test("[LEARNER][EXAM] five failed attempts send the learner back to study the course", async ({ page }) => {
  test.setTimeout(180_000);
  const bank = bankOf(SHORT_COURSE_TITLE);
  await loginAs(page, E2E.examRestudy);
  await studyShortCourse(page);
  const examPage = page.url();

  for (let n = 1; n <= 5; n++) {
    await startExam(page, n === 1 ? "开始考试" : "再考一次");
    await expect(page.getByText(`第 ${n} 次考试`)).toBeVisible();
    await answer(page, bank, (q) => [wrongLabel(q)]);
    await handIn(page);
    await expect(page.getByText("0 分", { exact: true })).toBeVisible();
    await expect(page.getByText("未通过", { exact: true })).toBeVisible();
    await expect(page.getByText("✗ 回答错误")).toHaveCount(bank.length);
    if (n < 5) {
      await expect(page.getByText(`本轮还可考 ${5 - n} 次。`)).toBeVisible();
      await expect(page.getByText("解析：")).toHaveCount(0);
    }
  }
  await expect(page.getByText("您已用完本轮 5 次考试机会")).toBeVisible();
  await expect(page.getByText("解析：").first()).toBeVisible();
  await expectAccessible(page);

  // A sixth attempt is refused until the course is studied again; the study starts over.
  await page.goto(examPage);
  await expect(page.getByText("本轮考试次数已用完，请重新学习本课程后再参加考试。")).toBeVisible();
  await expect(page.getByRole("button", { name: /开始考试|再考一次/ })).toHaveCount(0);
  await page.getByRole("link", { name: "重新学习" }).click();
  await expect(page).toHaveURL(/\/learn\/[^/]+$/);
  await expect(page.getByRole("progressbar", { name: "课程学习进度" })).toHaveAttribute("aria-valuenow", "0");
  // (Studying again and the new cycle's first attempt are covered by tests/integration/exams.test.ts;
  // here the course stays as a fresh study would, for the other suites that watch it.)
  await page.goto(examPage);
  await expect(page.getByRole("link", { name: "重新学习" })).toBeVisible();
});

test("[LEARNER][EXAM] at the deadline the saved answers are graded and a late answer is refused", async ({ page }) => {
  test.setTimeout(90_000);
  // Test data: this learner has completed the study of a course he never took (not the short one other suites watch).
  const title = "行政事业单位内部控制";
  const bank = bankOf(title);
  const [row] = await sql<{ id: string }>(
    `INSERT INTO "Enrollment" ("id", "learnerId", "courseId", "creditYear", "status", "studyCompletedAt")
     SELECT 'e2e-exam-expiry', l."id", c."id", 2025, 'EXAM_PENDING', now() AT TIME ZONE 'UTC'
     FROM "Learner" l, "Course" c WHERE l."name" = '${E2E.examExpiry.name}' AND c."title" = $1
     ON CONFLICT DO NOTHING RETURNING "id"`,
    [title],
  );
  expect(row?.id, "a fresh enrollment (the database is reset at every run)").toBe("e2e-exam-expiry");

  await loginAs(page, E2E.examExpiry);
  await page.goto("/exams/e2e-exam-expiry");
  await startExam(page);
  const questions = await answer(page, bank, (q, i) => (i < 3 ? correctLabels(q) : []));
  // A second tab keeps the paper open, as a forgotten window would.
  const stale = await page.context().newPage();
  await stale.goto(page.url());
  await expect(stale.getByRole("timer")).toBeVisible();

  await sql(
    `UPDATE "ExamAttempt" SET "deadline" = (now() AT TIME ZONE 'UTC') + interval '6 seconds'
     WHERE "enrollmentId" = 'e2e-exam-expiry' AND "status" = 'IN_PROGRESS'`,
  );
  await page.reload();
  await expect(page.getByRole("timer")).toHaveText(/^00:0[0-6]$/);
  await expect(page.getByRole("heading", { name: "考试结果" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("考试时间已到，系统已按截止前保存的答案自动交卷。")).toBeVisible();
  const score = Math.round((100 * 3) / questions);
  await expect(page.getByText(`${score} 分`, { exact: true })).toBeVisible();
  await expect(page.getByText(`答对 3 / ${questions} 题`)).toBeVisible();

  // The forgotten tab still shows the paper: its answer is refused and it turns into the result.
  const unanswered = stale.getByRole("form", { name: "试卷" }).getByRole("radio", { checked: false }).last();
  await unanswered.check();
  await expect(stale.getByRole("heading", { name: "考试结果" })).toBeVisible({ timeout: 10_000 });
  await expect(stale.getByText(`答对 3 / ${questions} 题`)).toBeVisible();
  const [graded] = await sql<{ status: string; score: number; passed: boolean }>(
    `SELECT "status"::text, "score", "passed" FROM "ExamAttempt" WHERE "enrollmentId" = 'e2e-exam-expiry'`,
  );
  expect(graded).toEqual({ status: "EXPIRED", score, passed: false });
});
