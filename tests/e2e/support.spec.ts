// The support console as the person answering the hotline uses it: a learner reports a playback
// problem from the player, support finds it by its reference number, reads the diagnostics and
// the learner's recent sessions, resolves it, and the learner sees it resolved under /help.
import type { Page } from "@playwright/test";
import { maskIdNumber as masked } from "../../src/domain/identity";
import { E2E, expect, expectAccessible, expectNoFullIdNumber, loginAs, staffLogin, test } from "./fixtures";

const SHORT_COURSE = "继续教育学习指南（快速体验）";
const REFERENCE = /^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/;

/** Enrolls in (or continues) the short course: its player page, loading. */
async function gotoShortCourse(page: Page) {
  await page.goto(`/courses?q=${encodeURIComponent("快速体验")}`);
  await page.getByRole("link", { name: SHORT_COURSE }).click();
  await page
    .getByRole("button", { name: "开始学习" })
    .or(page.getByRole("link", { name: "继续学习" }))
    .click();
  await expect(page).toHaveURL(/\/learn\/[^/]+$/);
}

/** Plays a few seconds, so that support has a playback session to look at, then files a report. */
async function reportProblem(page: Page): Promise<string> {
  await page.getByRole("button", { name: "播放", exact: true }).click();
  await expect
    .poll(() => page.locator("video").evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(2);
  await page.getByRole("button", { name: "暂停" }).click();

  await page.getByRole("button", { name: "播放遇到问题？" }).click();
  const dialog = page.getByRole("dialog", { name: "播放遇到问题？" });
  await dialog.getByLabel("遇到了什么问题（必填）").fill("视频有声音但是没有画面");
  await expect(dialog.getByText(/已完成播放环境检测/)).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "提交" }).click();
  const reference = dialog.getByTestId("problem-reference");
  await expect(reference).toHaveText(REFERENCE);
  return (await reference.textContent()) ?? "";
}

test("[SUPPORT] a reported problem is found by its reference, diagnosed, resolved, and the learner sees it resolved", async ({
  page,
  browser,
}) => {
  await loginAs(page, E2E.supportReporter);
  await gotoShortCourse(page);
  await expect(page.getByRole("button", { name: "播放", exact: true })).toBeEnabled({ timeout: 15_000 });
  const reference = await reportProblem(page);

  const staffContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.77.0.8" } });
  const support = await staffContext.newPage();
  await staffLogin(support, "support", "/support");
  await expect(support.getByRole("heading", { level: 1, name: "查找学员" })).toBeVisible();
  await expectAccessible(support);

  // Found by the reference as read out on the phone: lower case, without the dash.
  const byReference = support.getByRole("form", { name: "按问题编号" });
  await byReference.getByLabel("问题编号").fill(reference.toLowerCase().replace("-", ""));
  await byReference.getByRole("button", { name: "查找" }).click();
  await expect(support.getByRole("status").filter({ hasText: "找到 1 名学员" })).toBeVisible();
  await expect(support.getByText(masked(E2E.supportReporter.idNumber))).toBeVisible();
  await expectNoFullIdNumber(support);

  await support.getByRole("link", { name: "处理该问题" }).click();
  await expect(support).toHaveURL(`/support/reports/${reference}`);
  await expect(support.getByRole("heading", { level: 1 })).toContainText(reference);
  await expect(support.getByText("视频有声音但是没有画面")).toBeVisible();
  const diagnostics = support.getByRole("region", { name: "播放环境检测" });
  await expect(diagnostics.getByText(/^可以访问（HTTP 20[06]，用时 \d+ 毫秒）$/)).toBeVisible();
  await expect(diagnostics.getByText("MP4（H.264）")).toBeVisible();
  const sessions = support.getByRole("region", { name: "该学员最近的播放记录" });
  await expect(sessions.getByRole("table")).toContainText(SHORT_COURSE);
  await expect(sessions.getByRole("table")).toContainText("电脑 · Chrome");
  await expectNoFullIdNumber(support);
  await expectAccessible(support);

  // The full playback view, opened from the ticket.
  await support.getByRole("link", { name: "查看全部播放记录和错误" }).click();
  await expect(support.getByRole("heading", { level: 1 })).toHaveText(`${E2E.supportReporter.name} 的播放记录`);
  await expect(support.getByText(`问题编号 ${reference}`).first()).toBeVisible();
  await expectNoFullIdNumber(support);
  await expectAccessible(support);
  await support.goBack();

  // Resolving needs the resolution, which the learner will read.
  await support.getByRole("button", { name: "标记为已解决" }).click();
  await expect(support.getByText("请填写处理结果（学员可以看到）")).toBeVisible();
  await support.getByLabel("处理结果").fill("视频文件已重新上传，请刷新页面后重新播放。");
  await support.getByRole("button", { name: "标记为已解决" }).click();
  await expect(support.getByText("当前状态：已解决")).toBeAttached();
  await expect(support.getByText("处理结果：视频文件已重新上传，请刷新页面后重新播放。")).toBeVisible();

  const nav = support.getByRole("navigation", { name: "技术支持功能" });
  await nav.getByRole("link", { name: "问题工单" }).click();
  await support.getByLabel("状态", { exact: true }).selectOption("RESOLVED");
  await support.getByRole("button", { name: "筛选" }).click();
  await expect(support.getByRole("link", { name: reference })).toBeVisible();
  await staffContext.close();

  // The learner sees it resolved under /help (the help page includes <MyReports />).
  await page.goto("/help");
  const row = page.getByTestId(`my-report-${reference}`);
  await expect(row).toContainText("已解决");
  await expect(row).toContainText("视频文件已重新上传，请刷新页面后重新播放。");
  await expectAccessible(page);
});

test("[SUPPORT] a broken video shows on the overview; a learner's page needs a lookup; learners stay out", async ({
  page,
  browser,
}) => {
  await loginAs(page, E2E.supportBrokenVideo);
  await page.goto("/support");
  await expect(page).not.toHaveURL(/\/support/);

  // The video cannot be loaded: the player reports the error by itself.
  await page.route("**/media/**", (route) => route.fulfill({ status: 404, body: "" }));
  const reported = page.waitForResponse((r) => r.url().endsWith("/api/playback/error"));
  await gotoShortCourse(page);
  expect((await reported).status()).toBe(202);

  const staffContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.77.0.9" } });
  const support = await staffContext.newPage();
  await staffLogin(support, "support", "/support");
  await support.getByRole("navigation", { name: "技术支持功能" }).getByRole("link", { name: "概况" }).click();
  const worst = support.getByRole("region", { name: "出错最多的视频", exact: true });
  await expect(worst.getByRole("row").filter({ hasText: SHORT_COURSE })).toContainText("人）");
  await expect(support.getByRole("figure").filter({ hasText: "近24小时按课程" })).toContainText(SHORT_COURSE);
  await expectAccessible(support);

  // Looked up by ID number, with a reason: the number goes in a POST body, never an address.
  await support.getByRole("navigation", { name: "技术支持功能" }).getByRole("link", { name: "查找学员" }).click();
  const byId = support.getByRole("form", { name: "按身份证号" });
  await byId.getByLabel("身份证号（完整18位）").fill(E2E.supportBrokenVideo.idNumber);
  await byId.getByLabel("查询原因").fill("学员来电：无法播放视频");
  await byId.getByRole("button", { name: "查找" }).click();
  const link = support.getByRole("link", { name: `查看${E2E.supportBrokenVideo.name}的播放记录` });
  await expect(link).toBeVisible();
  await expectNoFullIdNumber(support);
  const href = (await link.getAttribute("href")) ?? "";
  await link.click();
  await expect(support.getByRole("heading", { level: 1 })).toHaveText(`${E2E.supportBrokenVideo.name} 的播放记录`);
  await expect(support.getByRole("region", { name: "播放器自动上报的错误", exact: true })).toContainText(SHORT_COURSE);
  await expectNoFullIdNumber(support);

  // The same page without the lookup is refused.
  await support.goto(href.replace(/\?.*$/, ""));
  await expect(support.getByRole("heading", { level: 1 })).toHaveText("请先查找学员");
  await staffContext.close();
});
