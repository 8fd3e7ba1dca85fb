// 打印学习记录: /records printed is the study record alone. With print media the site's header,
// navigation, footer and buttons are gone and the print header (name, masked ID number, district,
// print date) is there; the PDF Chromium prints holds the record and none of the navigation.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { SITE_NAME, SITE_SHORT_NAME } from "../../src/lib/site";
import { todayInShanghai } from "../../src/lib/time";
import { DEMO, expect, expectNoFullIdNumber, loginAs, test } from "./fixtures";

const PRINT_TITLE = "武汉市会计人员继续教育学习记录";
const PRINT_BUTTON = "打印学习记录";
const hasPdftotext = !spawnSync("pdftotext", ["-v"]).error;

/** What the screen shows around the record (read from the page, so the labels never go stale). */
async function screenChrome(page: Page): Promise<string[]> {
  const nav = await page.getByRole("navigation", { name: "主导航" }).getByRole("link").allInnerTexts();
  const buttons = await page.getByRole("button").allInnerTexts();
  const footer = await page.getByRole("contentinfo").getByRole("link").allInnerTexts();
  const texts = [...nav, ...buttons, ...footer, SITE_NAME, SITE_SHORT_NAME, "跳到主要内容"]
    .map((text) => text.trim())
    .filter(Boolean);
  // The learner's navigation (我的学习, 选课中心, 学分记录, 帮助), 退出 and 打印学习记录 at least.
  expect(nav.length).toBeGreaterThanOrEqual(4);
  expect(texts).toEqual(expect.arrayContaining(["学分记录", "退出", PRINT_BUTTON, "查看联系方式"]));
  return texts;
}

/** pdftotext's text of a PDF, without whitespace (it may break CJK lines anywhere). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "records-print-"));
  try {
    const file = join(dir, "records.pdf");
    writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.describe("[LEARNER][RECORDS] 打印学习记录", () => {
  test("the print button is a large target; print media hides the navigation and shows the print header", async ({
    page,
  }) => {
    await loginAs(page, DEMO.liMing);
    await page.goto("/records");
    const button = page.getByRole("button", { name: PRINT_BUTTON });
    await expect(button).toBeVisible();
    expect((await button.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    // Each completed year offers its certificate; 2025 (incomplete) does not.
    const certificate = page.getByRole("link", { name: /下载 2024 年度学时证明/ });
    await expect(certificate).toBeVisible();
    await expect(page.getByRole("link", { name: /下载 2025 年度学时证明/ })).toHaveCount(0);
    const printHeading = page.getByRole("heading", { level: 1, name: PRINT_TITLE });
    await expect(printHeading).toBeHidden();
    // A phone's width: the button fits and the page does not scroll sideways.
    await page.setViewportSize({ width: 375, height: 812 });
    await expect(button).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("contentinfo")).toBeHidden();
    await expect(button).toBeHidden();
    await expect(certificate).toBeHidden();
    await expect(page.getByRole("button", { name: "退出" })).toBeHidden();
    await expect(printHeading).toBeVisible();
    await expect(page.getByText("4201**********1238")).toBeVisible();
    await expect(page.getByText("江岸区")).toBeVisible();
    // Exactly: the record may show the same day elsewhere (省系统已确认（…）).
    await expect(page.getByText(todayInShanghai(), { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "2024 年度" })).toBeVisible();
    await expectNoFullIdNumber(page);
  });

  test("the printed PDF holds the record and no navigation text", async ({ page }) => {
    test.skip(!hasPdftotext, "pdftotext (poppler-utils) is not installed");
    await loginAs(page, DEMO.liMing);
    await page.goto("/records");
    const chrome = await screenChrome(page);

    await page.emulateMedia({ media: "print" });
    const text = pdfText(await page.pdf({ format: "A4" }));

    for (const expected of [
      PRINT_TITLE,
      DEMO.liMing.name,
      "4201**********1238",
      "江岸区",
      `打印日期：${todayInShanghai()}`,
      "2025年度",
      "2024年度",
      "会计诚信教育（2023年版）",
      "已完成：共96学分（专业科目60学分）",
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain("下载学时证明");
    for (const unwanted of chrome) expect(text, unwanted).not.toContain(unwanted.replace(/\s+/g, ""));
    expect(text).not.toContain(DEMO.liMing.idNumber);
  });
});
