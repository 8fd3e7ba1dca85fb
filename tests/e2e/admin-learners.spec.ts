import { randomInt } from "node:crypto";
import { computeCheckCharacter } from "../../src/domain/identity";
import { IMPORT_HEADERS } from "../../src/domain/import";
import { DEMO, expect, expectAccessible, expectNoFullIdNumber, loginAs, staffLogin, test } from "./fixtures";

/** A fresh, valid ID number of a 武昌区 (420106) resident born 1970–1999. */
function freshIdNumber(): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + randomInt(0, 10_950) * 86_400_000);
  const first17 = `420106${birth.toISOString().slice(0, 10).replaceAll("-", "")}${String(randomInt(100, 999))}`;
  return first17 + computeCheckCharacter(first17);
}

test("[ADMIN][LEARNERS] the 武昌区 administrator registers a new learner, who can then log in", async ({
  page,
  context,
}) => {
  await staffLogin(page, "wuchang");
  await page.goto("/admin/learners/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("信息采集");
  const idNumber = freshIdNumber();
  const name = `陈${["晓", "雨", "思", "佳"][randomInt(0, 4)]}${["文", "涵", "宇", "琪"][randomInt(0, 4)]}`;
  const idField = page.getByLabel("身份证号");
  await idField.fill(idNumber.slice(0, 17));
  await expect(page.locator("output")).toContainText("输入完整的18位身份证号");
  await idField.fill(idNumber);
  const birth = `${idNumber.slice(6, 10)}年${idNumber.slice(10, 12)}月${idNumber.slice(12, 14)}日`;
  await expect(page.locator("output")).toContainText(`出生日期：${birth}`);
  await expect(page.locator("output")).toContainText(Number(idNumber.charAt(16)) % 2 === 1 ? "性别：男" : "性别：女");
  await expect(page.getByText("武昌区", { exact: true })).toBeVisible(); // fixed for a district bureau
  await expectAccessible(page);
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("工作单位").fill("武昌区测试会计师事务所");
  await page.getByLabel("会计专业技术资格").selectOption("INTERMEDIATE");
  await page.getByRole("button", { name: "登记学员" }).click();

  await expect(page).toHaveURL(/\/admin\/learners\/[a-z0-9]+\?registered=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("status").filter({ hasText: "信息采集完成" })).toBeVisible();
  await expect(page.getByText(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`, { exact: true })).toBeVisible();
  await expectNoFullIdNumber(page);
  await expectAccessible(page);

  // Registering the same person again names the district that has them.
  await page.goto("/admin/learners/new");
  await page.getByLabel("身份证号").fill(idNumber);
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("工作单位").fill("另一单位");
  await page.getByRole("button", { name: "登记学员" }).click();
  await expect(page.getByText("该身份证号已在武昌区登记")).toBeVisible();
  await expect(page.getByLabel("工作单位")).toHaveValue("另一单位"); // what was typed is kept

  await context.clearCookies();
  await loginAs(page, { idNumber, name });
});

test("[ADMIN][LEARNERS] an import with one bad row shows it in the dry run and imports the rest", async ({ page }) => {
  await staffLogin(page, "wuchang");
  const template = await page.request.get("/admin/import/template.csv");
  expect(template.status()).toBe(200);
  expect(await template.text()).toBe(`\uFEFF${IMPORT_HEADERS.join(",")}\r\n`);
  expect((await page.request.get("/admin/import/template.xlsx")).headers()["content-type"]).toContain("spreadsheetml");

  const good = [freshIdNumber(), freshIdNumber()];
  const bad = `${good[0]!.slice(0, 16)}`; // 16 characters: not an ID number
  const rows = [
    [good[0], "导入甲", "武昌区", "武昌区导入测试单位", "初级", "2026", ""],
    [bad, "导入乙", "武昌区", "武昌区导入测试单位", "中级", "2026", ""],
    [good[1], "导入丙", "武昌", "武昌区导入测试单位", "无", "2026", "13912345678"],
  ];
  const csv = `\uFEFF${[IMPORT_HEADERS, ...rows].map((r) => r.join(",")).join("\r\n")}\r\n`;
  await page.goto("/admin/import");
  await page
    .getByLabel("学员信息文件")
    .setInputFiles({ name: "导入.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "预检" }).click();

  const result = page.getByRole("region", { name: "预检结果明细" });
  await expect(result).toBeVisible();
  const badRow = result.getByRole("row").filter({ hasText: "第 3 行" });
  await expect(badRow).toContainText("无效");
  await expect(badRow).toContainText("身份证号应为18位");
  await expect(result.getByRole("row").filter({ hasText: "第 2 行" })).toContainText("新增");
  await expect(result.getByRole("row").filter({ hasText: "第 4 行" })).toContainText("新增");
  await expectNoFullIdNumber(page);
  await expectAccessible(page);

  await page.getByRole("button", { name: "确认导入 2 行" }).click();
  await expect(page.getByRole("status").filter({ hasText: "导入完成" })).toContainText("新增 2 人");
  await page.goto("/admin/learners?name=导入");
  await expect(page.getByRole("region", { name: "学员列表" }).getByRole("link", { name: "导入甲" })).toBeVisible();
  await expect(page.getByRole("link", { name: "导入丙" })).toBeVisible();
  await expect(page.getByRole("link", { name: "导入乙" })).toHaveCount(0);
});

test("[ADMIN][LEARNERS] a city administrator sees every district, a district administrator only theirs", async ({
  page,
  context,
}) => {
  await staffLogin(page, "cityadmin");
  await page.goto("/admin/learners");
  const table = page.getByRole("region", { name: "学员列表" }).getByRole("table");
  for (const district of ["江岸区", "武昌区", "洪山区"]) {
    await expect(table.getByRole("cell", { name: district, exact: true }).first()).toBeVisible();
  }
  await page.getByLabel("所属区").selectOption({ label: "江岸区" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/district=\d+/);
  await expect(table.getByRole("cell", { name: "武昌区", exact: true })).toHaveCount(0);
  // An ID number typed into a filter would go into the address: the form refuses to send it.
  const filtered = page.url();
  await page.getByLabel("姓名", { exact: true }).fill(DEMO.liMing.idNumber);
  await page.getByRole("button", { name: "筛选" }).click();
  expect(
    await page.getByLabel("姓名", { exact: true }).evaluate((el: HTMLInputElement) => el.validity.patternMismatch),
  ).toBe(true);
  expect(page.url()).toBe(filtered);
  await page.getByLabel("姓名", { exact: true }).fill("");
  await page.getByRole("link", { name: DEMO.liMing.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO.liMing.name);
  const liMingPage = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: "各年度学分" })).toBeVisible();
  await expectNoFullIdNumber(page);
  await expectAccessible(page);

  await context.clearCookies();
  await staffLogin(page, "wuchang");
  await page.goto("/admin/learners");
  await expect(page.getByRole("link", { name: DEMO.wangFang.name })).toBeVisible();
  await expect(page.getByRole("link", { name: DEMO.liMing.name })).toHaveCount(0);
  await expect(page.getByLabel("所属区")).toHaveCount(0);
  await expect(table.getByRole("cell", { name: "江岸区", exact: true })).toHaveCount(0);

  // Another district's learner: by address and by ID number, simply not found.
  const response = await page.goto(liMingPage);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "未找到该学员" })).toBeVisible();
  await page.goto("/admin/learners");
  await page.getByLabel("按身份证号查找").fill(DEMO.liMing.idNumber);
  await page.getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("未找到该学员")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/learners$/);
});

test("[ADMIN][LEARNERS] support staff reach none of the administrators' screens", async ({ page }) => {
  await staffLogin(page, "support", /\/support/);
  for (const address of [
    "/admin/learners",
    "/admin/learners/new",
    "/admin/import",
    "/admin/staff",
    "/admin/audit",
    "/admin/districts",
  ]) {
    await page.goto(address);
    await expect(page).toHaveURL(/\/support/);
  }
  expect((await page.request.get("/admin/import/template.csv")).status()).toBe(403);
});

test("[ADMIN][LEARNERS] the city office ends a staff member's sessions: their next request signs them out", async ({
  page,
  browser,
}) => {
  const supportDesk = await browser.newPage();
  await staffLogin(supportDesk, "support", /\/support/);

  await staffLogin(page, "cityadmin");
  await page.goto("/admin/staff");
  const row = page.getByRole("row").filter({ hasText: "support" }).first();
  await row.getByRole("button", { name: /结束登录会话/ }).click();
  await expect(row.getByRole("status")).toContainText(/已结束 \d+ 个登录会话/);
  await expectAccessible(page);

  await supportDesk.goto("/support");
  await expect(supportDesk).toHaveURL(/\/staff\/login/);
  await supportDesk.close();
  await page.goto("/admin/audit");
  await expect(page.getByRole("table").getByText("结束工作人员登录会话").first()).toBeVisible();
});

test("[ADMIN][LEARNERS] the learner page records credits, edits and disables, all in the audit log", async ({
  page,
}) => {
  await staffLogin(page, "wuchang");
  await page.goto("/admin/learners/new");
  const name = "页面操作测试";
  await page.getByLabel("身份证号").fill(freshIdNumber());
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("工作单位").fill("武昌区页面测试单位");
  await page.getByRole("button", { name: "登记学员" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  const activity = page.getByRole("region", { name: "登记其他形式继续教育学分" });
  await activity.getByLabel("继续教育形式").selectOption("CONFERENCE");
  await activity.getByLabel("会议天数").fill("2");
  await expect(activity.getByLabel("学分")).toHaveValue("20");
  await activity.getByLabel("说明").fill("全国会计信息化年会");
  await activity.getByRole("button", { name: "登记学分" }).click();
  await expect(activity.getByRole("status")).toContainText("20 学分");
  const ledger = page.getByRole("region", { name: "学分明细", exact: true });
  await expect(ledger.getByRole("table")).toContainText("全国会计信息化年会");

  const adjustment = page.getByRole("region", { name: "学分调整" });
  await adjustment.getByLabel("调整学分").fill("-5");
  await adjustment.getByRole("button", { name: "记录调整" }).click();
  await expect(adjustment.getByText("请填写调整原因")).toBeVisible();
  await expect(adjustment.getByLabel("调整学分")).toHaveValue("-5");
  await adjustment.getByLabel("调整原因").fill("会议天数登记有误，更正");
  await adjustment.getByRole("button", { name: "记录调整" }).click();
  await expect(adjustment.getByRole("status")).toContainText("-5 学分");
  await expect(ledger.getByRole("table")).toContainText("-5");

  const edit = page.getByRole("region", { name: "修改信息" });
  await edit.getByLabel("工作单位").fill("武昌区新单位");
  await edit.getByRole("button", { name: "保存修改" }).click();
  await expect(edit.getByRole("status")).toHaveText("已保存");
  await expect(page.getByRole("region", { name: "基本信息" })).toContainText("武昌区新单位");

  const status = page.getByRole("region", { name: "停用学员" });
  await status.getByLabel("停用原因").fill("身份证号录入错误");
  await status.getByRole("button", { name: "停用该学员" }).click();
  await expect(page.getByRole("region", { name: "恢复学员" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "在审计日志中查看全部" }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?learner=/);
  const log = page.getByRole("region", { name: "审计记录" });
  for (const label of ["信息采集", "登记其他形式学分", "学分调整", "修改学员信息", "停用学员"]) {
    await expect(log.getByRole("cell", { name: label, exact: true })).toBeVisible();
  }
  await expect(log).toContainText("原因：身份证号录入错误");
  await expectNoFullIdNumber(page);
  await expectAccessible(page);
});

test("[ADMIN][LEARNERS] the city office manages staff accounts and district contacts", async ({ page, browser }) => {
  await staffLogin(page, "cityadmin");
  await page.goto("/admin/staff");
  const username = `xinzhou${randomInt(100, 999)}`;
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("姓名").fill("新洲区管理员");
  await page.getByLabel("角色").selectOption("DISTRICT_ADMIN");
  await page.getByLabel("所属区").selectOption({ label: "新洲区" });
  await page.getByLabel("初始密码", { exact: true }).fill("Xinzhou-Wenchang-2041");
  await page.getByLabel("再次输入初始密码").fill("Xinzhou-Wenchang-2041");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已创建账号 ${username}` })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: username });
  await expect(row).toContainText("新洲区");
  await expect(row).toContainText("待修改初始密码");
  await expectAccessible(page);

  await page.goto("/admin/districts");
  const xinzhou = page.getByRole("form", { name: "新洲区联系方式" });
  const phone = `027-8${randomInt(1_000_000, 9_999_999)}`;
  await xinzhou.getByLabel("电话").fill(phone);
  await xinzhou.getByRole("button", { name: "保存" }).click();
  await expect(xinzhou.getByRole("status")).toContainText("已保存");
  await expectAccessible(page);
  await page.goto("/help/contacts");
  await expect(page.getByRole("link", { name: phone })).toBeVisible();
  // A visitor without a session is served the prebuilt page: the edit shows there on the next
  // request too (the save invalidated it).
  const visitor = await browser.newPage();
  await visitor.goto("/help/contacts");
  await expect(visitor.getByRole("link", { name: "学员登录" }).first()).toBeVisible();
  await expect(visitor.getByRole("link", { name: phone })).toBeVisible();
  await visitor.close();
});
