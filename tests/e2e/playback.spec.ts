// Course playback as learners (and a would-be cheater) use it: resume, no skipping, credited
// time never ahead of real time, one playing tab at a time, and problem reports.
import { expect, test, type Page } from "@playwright/test";
import { collectCspRefusals, loginAs, sql } from "./fixtures";
import { E2E } from "./identities";

const SHORT_COURSE = "继续教育学习指南（快速体验）";
const HEARTBEAT = "/api/playback/heartbeat";

/** Enrolls in (or continues) the short course and lands on its player, ready to play. */
async function openShortCourse(page: Page) {
  await page.goto(`/courses?q=${encodeURIComponent("快速体验")}`);
  await page.getByRole("link", { name: SHORT_COURSE }).click();
  await page
    .getByRole("button", { name: "开始学习" })
    .or(page.getByRole("link", { name: "继续学习" }))
    .click();
  await expect(page).toHaveURL(/\/learn\/[^/]+$/);
  await expectReady(page);
}

async function expectReady(page: Page) {
  await expect(page.getByRole("button", { name: "播放", exact: true })).toBeEnabled({ timeout: 15_000 });
  await expect
    .poll(() => page.locator("video").evaluate((v: HTMLVideoElement) => v.readyState))
    .toBeGreaterThanOrEqual(1);
}

const currentTime = (page: Page) => page.locator("video").evaluate((v: HTMLVideoElement) => v.currentTime);
const lessonVerified = (page: Page) => page.getByTestId("lesson-verified");

/** Each test signs in from its own address: sign-ins are throttled per address. */
const fromAddress = (n: number) => test.use({ extraHTTPHeaders: { "x-forwarded-for": `10.0.5.${n}` } });

test.describe(() => {
  fromAddress(1);
  test("[LEARNER][PLAYBACK] a learner watches the short lesson to the end, resuming after a reload", async ({
    page,
  }) => {
    await loginAs(page, E2E.playbackWatcher);
    await openShortCourse(page);
    expect(await currentTime(page)).toBe(0);

    await page.getByRole("button", { name: "播放", exact: true }).click();
    await expect.poll(() => currentTime(page), { timeout: 15_000 }).toBeGreaterThan(5);
    const paused = page.waitForResponse(
      (r) => r.url().endsWith(HEARTBEAT) && r.request().postData()?.includes('"pause"') === true,
    );
    await page.getByRole("button", { name: "暂停", exact: true }).click();
    const { verifiedMs } = (await (await paused).json()) as { verifiedMs: number };
    expect(verifiedMs).toBeGreaterThan(4_000);
    await expect(lessonVerified(page)).not.toContainText("0:00 /");

    await page.reload();
    await expectReady(page);
    // Resumed at the verified position, on the server's word.
    await expect.poll(() => currentTime(page)).toBeCloseTo(verifiedMs / 1000, 0);

    await page.getByRole("button", { name: "播放", exact: true }).click();
    await expect(lessonVerified(page)).toHaveText("已完成", { timeout: 30_000 });
    await expect(page.getByText("待考试")).toBeVisible();
    await expect(page.getByRole("link", { name: "参加考试" })).toHaveAttribute("href", /^\/exams\//);
    await expect(page.getByRole("progressbar", { name: "课程学习进度" })).toHaveAttribute("aria-valuenow", "100");

    await page.goto(`/courses?q=${encodeURIComponent("快速体验")}`);
    await page.getByRole("link", { name: SHORT_COURSE }).click();
    await expect(page.getByText("待考试").first()).toBeVisible();
  });
});

test.describe(() => {
  fromAddress(2);
  test("[LEARNER][PLAYBACK] skipping, 16× speed and replayed heartbeats never complete a lesson sooner than it plays", async ({
    page,
  }) => {
    await loginAs(page, E2E.playbackCheater);
    await openShortCourse(page);

    // Seeking far ahead from a script snaps back, with the reason.
    await page.locator("video").evaluate((v: HTMLVideoElement) => (v.currentTime = 10));
    await expect(page.getByRole("status")).toContainText("不能跳过未学习的内容");
    await expect.poll(() => currentTime(page)).toBeLessThan(1);

    // A real beat of this session, replayed as is, and forged with fresh sequence numbers
    // claiming the end: answered like any beat, and nothing completes.
    const captured = page.waitForRequest((r) => r.url().endsWith(HEARTBEAT) && r.method() === "POST");
    await page.getByRole("button", { name: "播放", exact: true }).click();
    const beat = JSON.parse((await captured).postData() ?? "{}") as { sessionId: string; seq: number };
    const paused = page.waitForResponse(
      (r) => r.url().endsWith(HEARTBEAT) && r.request().postData()?.includes('"pause"') === true,
    );
    await page.getByRole("button", { name: "暂停", exact: true }).click();
    const before = ((await (await paused).json()) as { verifiedMs: number }).verifiedMs;
    for (let i = 0; i < 20; i++) {
      const replay = await page.request.post(HEARTBEAT, { data: beat });
      expect(await replay.json()).toMatchObject({ session: "active", lessonComplete: false });
      const forged = await page.request.post(HEARTBEAT, {
        data: { ...beat, seq: beat.seq + 1_000 + i, positionMs: 12_000, event: "ended" },
      });
      expect(await forged.json()).toMatchObject({ session: "active", lessonComplete: false, verifiedMs: before });
    }

    // The forged numbers spoiled that session: a reload starts a new one. Playing at 16× from a
    // script is capped at 1.5×, and the lesson still takes its real duration to complete.
    await page.reload();
    await expectReady(page);
    const started = Date.now();
    await page.getByRole("button", { name: "播放", exact: true }).click();
    await page.locator("video").evaluate((v: HTMLVideoElement) => (v.playbackRate = 16));
    expect(await page.locator("video").evaluate((v: HTMLVideoElement) => v.playbackRate)).toBeLessThanOrEqual(1.5);
    await expect(page.getByRole("status")).toContainText("倍速播放时学习时间按实际用时计算", { timeout: 20_000 });
    await expect(lessonVerified(page)).toHaveText("已完成", { timeout: 45_000 });
    // 11 s of verified time (the 11.2 s file, stated as 12 s) in no less real time.
    expect(Date.now() - started).toBeGreaterThanOrEqual(11_000 - before);
  });
});

test.describe(() => {
  fromAddress(3);
  test("[LEARNER][PLAYBACK] a second tab takes over playback and the first stops counting, and says why", async ({
    page,
    browser,
  }) => {
    await loginAs(page, E2E.playbackTwoTabs);
    await openShortCourse(page);
    const firstBeat = page.waitForRequest((r) => r.url().endsWith(HEARTBEAT) && r.method() === "POST");
    await page.getByRole("button", { name: "播放", exact: true }).click();
    const beat = JSON.parse((await firstBeat).postData() ?? "{}") as { sessionId: string; seq: number };

    const second = await page.context().newPage();
    await second.goto(page.url());
    await expectReady(second);

    const answer = page.waitForResponse(
      (r) => r.url().endsWith(HEARTBEAT) && r.request().postData()?.includes('"pause"') === true,
    );
    await page.locator("video").evaluate((v: HTMLVideoElement) => v.pause());
    expect(((await (await answer).json()) as { session: string }).session).toBe("taken-over");
    await expect(page.getByRole("alert").filter({ hasText: "您已在其他窗口或设备上开始学习" })).toBeVisible();
    await expect(page.getByRole("button", { name: "在此继续学习" })).toBeVisible();

    // The first tab's session credits nothing more, whatever it sends.
    const late = await page.request.post(HEARTBEAT, { data: { ...beat, seq: beat.seq + 50, positionMs: 3_000 } });
    expect(await late.json()).toMatchObject({ session: "taken-over", crediting: false });

    // Another learner cannot even open this enrollment.
    const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.0.5.13" } });
    const intruder = await other.newPage();
    await loginAs(intruder, E2E.playbackReporter);
    const response = await intruder.goto(page.url());
    expect(response?.status()).toBe(404);
    await other.close();

    // Taking it back here makes the second tab stop.
    await page.getByRole("button", { name: "在此继续学习" }).click();
    await expectReady(page);
    await second.getByRole("button", { name: "播放", exact: true }).click();
    await expect(second.getByRole("alert").filter({ hasText: "您已在其他窗口或设备上开始学习" })).toBeVisible({
      timeout: 10_000,
    });
  });
});

test.describe(() => {
  fromAddress(4);
  test("[LEARNER][PLAYBACK] a playback problem is reported from the player with a reference number", async ({
    page,
  }) => {
    await loginAs(page, E2E.playbackReporter);
    await openShortCourse(page);

    await page.getByRole("button", { name: "播放遇到问题？" }).click();
    const dialog = page.getByRole("dialog", { name: "播放遇到问题？" });
    await dialog.getByLabel("遇到了什么问题（必填）").fill("视频一直在缓冲，无法播放");
    await dialog.getByLabel("联系电话（选填）").fill("13800000000");
    await expect(dialog.getByText("已完成播放环境检测（视频地址可以访问）")).toBeVisible({ timeout: 15_000 });
    await dialog.getByRole("button", { name: "提交" }).click();
    await expect(dialog.getByTestId("problem-reference")).toHaveText(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    for (const phone of ["400-628-6677", "400-627-5566", "027-85777762"]) {
      await expect(dialog.getByRole("link", { name: phone })).toBeVisible();
    }
  });
});

test.describe(() => {
  fromAddress(5);
  test("[LEARNER][PLAYBACK] HLS (through hls.js) and WebM lessons play in the browser", async ({ page }) => {
    // As a browser without native HLS (Firefox, older Chrome): hls.js plays the stream.
    await page.addInitScript(() => {
      const canPlayType = HTMLMediaElement.prototype.canPlayType;
      HTMLMediaElement.prototype.canPlayType = function (type: string) {
        return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
      };
    });
    const refused = collectCspRefusals(page);
    await loginAs(page, E2E.playbackFormats);
    for (const [query, course, lesson] of [
      ["会计法", "新《会计法》解读", "修法背景与主要变化"], // HLS (hls.js or native)
      ["职业道德", "会计人员职业道德规范", "“三坚三守”与诚信建设"], // WebM
    ] as const) {
      await page.goto(`/courses?q=${encodeURIComponent(query)}`);
      await page.getByRole("link", { name: course }).click();
      await page.getByRole("button", { name: "开始学习" }).click();
      await expect(page).toHaveURL(/\/learn\/[^/]+$/);
      await page
        .getByRole("navigation", { name: "课程章节" })
        .getByRole("button", { name: new RegExp(lesson) })
        .click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(lesson);
      await expectReady(page);
      await page.getByRole("button", { name: "播放", exact: true }).click();
      await expect.poll(() => currentTime(page), { timeout: 20_000 }).toBeGreaterThan(2);
      const source = await page.locator("video").evaluate((v: HTMLVideoElement) => v.currentSrc);
      expect(source).toMatch(query === "会计法" ? /^blob:/ : /\.webm$/);
      await page.getByRole("button", { name: "暂停", exact: true }).click();
    }
    // hls.js (blob: media, segment fetches) runs under the portal's Content-Security-Policy.
    expect(refused).toEqual([]);
  });
});

test.describe(() => {
  fromAddress(6);
  test("[LEARNER][PLAYBACK] the server's presence check pauses playback until the learner answers", async ({
    page,
  }) => {
    await loginAs(page, E2E.playbackPresence);
    await openShortCourse(page);
    // The check falls due after 3 s of credited time (normally 15–25 minutes): the server decides.
    const changed = await sql(
      `UPDATE "PlaybackSession" s SET "presenceLeftMs" = 3000 FROM "Learner" l
       WHERE l.id = s."learnerId" AND l.name = $1 AND s."endedAt" IS NULL RETURNING s.id`,
      [E2E.playbackPresence.name],
    );
    expect(changed).toHaveLength(1);

    await page.getByRole("button", { name: "播放", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "您还在学习吗？" });
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    expect(await page.locator("video").evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    await expect(lessonVerified(page)).toContainText("0:03 /");

    const answered = page.waitForResponse(
      (r) => r.url().endsWith(HEARTBEAT) && r.request().postData()?.includes('"presence"') === true,
    );
    await dialog.getByRole("button", { name: "继续学习" }).click();
    expect(await (await answered).json()).toMatchObject({ session: "active", presenceDue: false });
    await expect(dialog).toBeHidden();
    await expect(lessonVerified(page)).toHaveText("已完成", { timeout: 30_000 });
  });
});

test("[PLAYBACK][EXAM] the portal's listener answers an oversized body with 413, before reading it all", async ({
  request,
}) => {
  // Bodies far beyond the caps, sent without a session: refused on size, with the portal's JSON.
  const huge = "x".repeat(200_000);
  const beat = await request.post(HEARTBEAT, { data: { huge } });
  expect(beat.status()).toBe(413);
  expect(await beat.json()).toEqual({ error: "too large", message: "提交的内容过大。" });
  for (const path of ["/api/exams/start", "/api/exams/answer", "/api/exams/submit"]) {
    const exam = await request.post(path, { data: { huge }, headers: { origin: new URL(beat.url()).origin } });
    expect(exam.status()).toBe(413);
    expect(await exam.json()).toMatchObject({ ok: false, code: "TOO_LARGE", message: "提交的内容过大。" });
  }
});
