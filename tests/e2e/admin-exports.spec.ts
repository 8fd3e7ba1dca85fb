// Acceptance of the provincial export and the completion review on the demo data: the city
// office reviews completion, exports, and the CSV opens with the ID numbers intact; 李明, who
// completed 2024 and nobody else any year, then sees 2024 reported on his dashboard. A district
// bureau cannot create batches. Serial: the learner's check needs the batch made before it.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, expectNoFullIdNumber, loginAs, staffLogin, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

/** The number of the batch the export test made (the district test asks for it). */
let batchNumber = "";

/** The figure shown under a headline label of the completion review. */
function figure(page: Page, label: string) {
  return page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
}

async function createBatch(page: Page, year: number): Promise<string> {
  await page.getByLabel("年度").selectOption(String(year));
  await page.getByRole("button", { name: "生成批次" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText(`${year} 年度`);
  return (await status.textContent()) ?? "";
}

test("[ADMIN][EXPORTS] the city office reviews completion of the demo data", async ({ page }) => {
  await staffLogin(page, "cityadmin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("继续教育完成情况");
  await expect(page.getByText(/数据更新于 \d{2}:\d{2}/)).toBeVisible();
  // 李明 (2025 unfinished) and 张伟 (nothing since 2024) are behind on an earlier year.
  await expect(figure(page, "补学学员")).toHaveText("2");
  await page.getByLabel("年度").selectOption("2024");
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/year=2024/);
  await expect(figure(page, "应参加学员")).toHaveText("2");
  await expect(figure(page, "已完成")).toHaveText("1");
  await expect(figure(page, "完成率")).toHaveText("50.0%");
  const table = page.getByRole("table", { name: "2024 年度各区完成情况" });
  await expect(table.getByRole("row", { name: /江岸区/ })).toContainText("100.0%");
  await expect(table.getByRole("row", { name: /洪山区/ })).toContainText("0.0%");
  await expectNoFullIdNumber(page);
  await expectAccessible(page);
});

test("[ADMIN][EXPORTS] an export of the demo data holds exactly 李明's 2024, ID number intact", async ({ page }) => {
  await staffLogin(page, "cityadmin");
  await page.getByRole("navigation", { name: "管理功能" }).getByRole("link", { name: "省系统报送" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("报送湖北省会计人员管理系统");
  await expectAccessible(page);

  const created = /已生成第 (\d+) 批（2024 年度），共 1 条。/.exec(await createBatch(page, 2024));
  expect(created).not.toBeNull();
  batchNumber = created?.[1] ?? "";
  for (const year of [2025, 2026]) expect(await createBatch(page, year)).toBe(`${year} 年度没有需要报送的记录。`);
  // Again for 2024: nothing changed since, so nothing is due.
  expect(await createBatch(page, 2024)).toBe("2024 年度没有需要报送的记录。");

  const rows = page.getByRole("table", { name: "报送批次" }).getByRole("row");
  await expect(rows).toHaveCount(2);
  const batchRow = rows.nth(1);
  await expect(batchRow).toContainText("2024");
  const link = batchRow.getByRole("link", { name: /CSV$/ });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const records: string[][] = parse(bytes.toString("utf8"), { bom: true });
  expect(records).toHaveLength(2);
  expect(records[0]).toEqual([
    "身份证号",
    "姓名",
    "年度",
    "总学分",
    "专业科目学分",
    "公需科目学分",
    "学时",
    "完成日期",
    "所属区",
    "培训机构",
    "报送类型",
  ]);
  const [idNumber, ...rest] = records[1] ?? [];
  // The plain 18 characters, as a machine reads them (file format 2).
  expect(idNumber).toBe(DEMO.liMing.idNumber);
  expect(rest).toEqual([
    "李明",
    "2024",
    "96",
    "60",
    "36",
    "32.0",
    expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    "江岸区",
    "武汉市会计人员继续教育培训网",
    "新报",
  ]);
  await expectNoFullIdNumber(page);
});

test("[ADMIN][EXPORTS] a district bureau sees no batch it has no learner in, and cannot create one", async ({
  page,
}) => {
  await staffLogin(page, "wuchang");
  await page.goto("/admin/exports");
  await expect(page.getByText("报送由市会计考办统一进行")).toBeVisible();
  await expect(page.getByRole("button", { name: "生成批次" })).toHaveCount(0);
  await expect(page.getByText("暂无报送批次。")).toBeVisible();
  expect(batchNumber).not.toBe("");
  const response = await page.request.get(`/admin/exports/${batchNumber}/export.csv`);
  expect(response.status()).toBe(404);
});

test("[ADMIN][EXPORTS] 李明 sees 待报送 until the city office records the upload, then 报送中", async ({
  page,
  browser,
}) => {
  await loginAs(page, DEMO.liMing);
  const year2024 = page.getByRole("article", { name: "2024 年度" });
  // Generated and downloaded, not uploaded: nothing says 已报送.
  await expect(year2024).toContainText("待报送省系统");
  await expect(page.getByText(/已报送省系统/)).toHaveCount(0);

  const admin = await browser.newPage();
  await staffLogin(admin, "cityadmin");
  await admin.goto("/admin/exports");
  const row = admin
    .getByRole("table", { name: "报送批次" })
    .getByRole("row", { name: new RegExp(`第 ${batchNumber} 批`) });
  await expect(row).toContainText("已下载");
  await row.getByText("记录上报").click();
  await row.getByLabel("省系统批次号").fill("HB-E2E-0001");
  await row.getByRole("button", { name: "确认已上报" }).click();
  await expect(row).toContainText("已上报");
  await expect(row).toContainText("HB-E2E-0001");
  await expect(row.getByText("撤回")).toHaveCount(0);
  await admin.close();

  await page.reload();
  await expect(year2024).toContainText(/报送中：\d{4}-\d{2}-\d{2} 已报送省系统，等待省系统确认/);
  await expect(page.getByRole("article", { name: "2025 年度" })).not.toContainText("报送");
});

/** The city office imports a receipt for a batch: 预检, then 导入. */
async function importReceipt(admin: Page, batch: string, result: "成功" | "失败", reason = "") {
  await admin.goto("/admin/exports");
  const row = admin.getByRole("table", { name: "报送批次" }).getByRole("row", { name: new RegExp(`第 ${batch} 批`) });
  await row.getByText("导入回执").click();
  const csv = `\uFEFF身份证号,姓名,年度,结果,原因\r\n${DEMO.liMing.idNumber},李明,2024,${result},${reason}\r\n`;
  await row.getByLabel("回执文件").setInputFiles({ name: "回执.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await row.getByRole("button", { name: "预检" }).click();
  const counts = result === "成功" ? "成功 1 条，失败 0 条" : "成功 0 条，失败 1 条";
  await expect(row.getByRole("status")).toContainText(`预检完成：${counts}`);
  await expect(row.getByRole("table", { name: "回执预检结果" })).not.toContainText(DEMO.liMing.idNumber);
  await row.getByRole("button", { name: /^导入/ }).click();
  await expect(row.getByRole("status")).toContainText("回执已导入");
  await expect(row).toContainText("已回执");
}

test("[ADMIN][EXPORTS] a rejected line: 李明 sees 省系统退回 and whom to call; fixed and sent again, 省系统已确认", async ({
  page,
  browser,
}) => {
  const admin = await browser.newPage();
  await staffLogin(admin, "cityadmin");
  await importReceipt(admin, batchNumber, "失败", "手机号码与省系统不一致");

  await loginAs(page, DEMO.liMing);
  const year2024 = page.getByRole("article", { name: "2024 年度" });
  await expect(year2024.getByRole("note")).toContainText("省系统退回：手机号码与省系统不一致");
  await expect(year2024.getByRole("note")).toContainText("请联系所在区财政局");
  await expect(year2024.getByRole("note").getByRole("link")).toHaveAttribute("href", /^tel:/);

  // The bureau's list shows it; the learner's data is fixed; the next batch carries it again.
  await admin.goto("/admin/exports");
  const rejected = admin.getByRole("table", { name: "省系统退回的记录" });
  await expect(rejected.getByRole("row", { name: /李明/ })).toContainText("待修改学员信息");
  await rejected.getByRole("link", { name: "李明" }).click();
  await admin.getByLabel("手机号码").fill("13907100000");
  await admin.getByRole("button", { name: "保存修改" }).click();
  await expect(admin.getByText("已保存", { exact: true })).toBeVisible();
  await admin.goto("/admin/exports");
  await expect(admin.getByRole("table", { name: "省系统退回的记录" })).toContainText("已修改");
  const created = /已生成第 (\d+) 批（2024 年度），共 1 条。/.exec(await createBatch(admin, 2024));
  const next = created?.[1] ?? "";
  expect(next).not.toBe("");
  const row = admin.getByRole("table", { name: "报送批次" }).getByRole("row", { name: new RegExp(`第 ${next} 批`) });
  await Promise.all([admin.waitForEvent("download"), row.getByRole("link", { name: /CSV$/ }).click()]);
  await admin.reload();
  await row.getByText("记录上报").click();
  await row.getByLabel("省系统批次号").fill("HB-E2E-0002");
  await row.getByRole("button", { name: "确认已上报" }).click();
  await expect(row).toContainText("已上报");
  await importReceipt(admin, next, "成功");
  await admin.close();

  await page.reload();
  await expect(year2024).toContainText(/省系统已确认（\d{4}-\d{2}-\d{2}）/);
  await expect(year2024.getByRole("note")).toHaveCount(0);
});
