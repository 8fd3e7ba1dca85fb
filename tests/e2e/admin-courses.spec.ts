// Course administration as the city office and a district bureau use it: a course built from
// nothing (lesson by address and by upload, questions by form and by spreadsheet), published and
// found by a learner; a district administrator reads the catalogue but changes nothing.
import { unlink } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page, Request } from "@playwright/test";
import { IMPORT_COLUMNS } from "../../src/domain/course-admin";
import { DEMO, expect, expectAccessible, loginAs, staffLogin, test } from "./fixtures";

async function questionWorkbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("题目");
  sheet.addRow([...IMPORT_COLUMNS]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A new browser context with its own client address (logins are throttled per address). */
async function newPage(browser: Browser, address: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  return context.newPage();
}

async function createDraft(page: Page, title: string): Promise<string> {
  await page.goto("/admin/courses/new");
  await page.getByLabel("课程名称").fill(title);
  await page.getByLabel("科目类别").selectOption("PROFESSIONAL");
  await page.getByLabel("学分").fill("6");
  await page.getByLabel("课程简介").fill("企业数据资源的确认、计量与披露。");
  await page.getByRole("button", { name: "创建课程" }).click();
  await expect(page).toHaveURL(/\/admin\/courses\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return page.url().split("/").pop()!;
}

test.describe("[ADMIN][COURSES]", () => {
  // Uploads land in the default storage folder of the server under test: removed afterwards.
  const uploads: string[] = [];
  test.afterEach(async () => {
    for (const name of uploads.splice(0)) await unlink(path.join(".data/media", name)).catch(() => undefined);
  });

  test("[ADMIN][COURSES] the city office builds and publishes a course that a learner then finds", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const title = "企业数据资源相关会计处理";
    await staffLogin(page, "cityadmin");
    await page.getByRole("navigation", { name: "管理功能" }).getByRole("link", { name: "课程管理" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "课程管理" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "新建课程" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "新建课程" })).toBeVisible();
    // A refused form keeps what was typed.
    await page.getByLabel("课程名称").fill(title);
    await page.getByLabel("学分").fill("95");
    await page.getByRole("button", { name: "创建课程" }).click();
    await expect(page.getByLabel("学分")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("学分须为 1–90 的整数")).toBeVisible();
    await expect(page.getByLabel("课程名称")).toHaveValue(title);
    await expectAccessible(page);
    const courseId = await createDraft(page, title);
    await expect(page.getByText("至少需要 1 个课时")).toBeVisible();

    // Lessons: one by the address of an existing file, one uploaded (its duration read from the file).
    await page.getByRole("link", { name: "课时", exact: true }).click();
    await page.getByLabel("课时名称").fill("数据资源入表概述");
    await page.getByLabel("视频地址").fill("/media/quick-start.mp4");
    await page.getByLabel("时长（分:秒）").fill("0:12");
    await page.getByRole("button", { name: "添加课时" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "数据资源入表概述" })).toContainText("0:12");
    await expect(page.getByLabel("课时名称")).toHaveValue("");

    await page.getByLabel("课时名称").fill("确认与计量");
    await page.getByLabel("上传视频文件（选填）").setInputFiles("public/media/ethics-code.webm");
    await expect(page.getByText("上传完成，已从文件读取时长。")).toBeVisible({ timeout: 20_000 });
    await expect(page.getByLabel("时长（分:秒）")).toHaveValue("0:46");
    const uploadedUrl = await page.getByLabel("视频地址").inputValue();
    expect(uploadedUrl).toMatch(/^\/media\/uploads\/[0-9a-f-]{36}\.webm$/);
    uploads.push(uploadedUrl.split("/").pop()!);
    await page.getByRole("button", { name: "添加课时" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "确认与计量" })).toContainText(uploadedUrl);
    const ranged = await page.request.get(uploadedUrl, { headers: { range: "bytes=0-99" } });
    expect(ranged.status()).toBe(206);
    expect((await ranged.body()).length).toBe(100);
    await expectAccessible(page);

    // Questions: one through the form (a refused attempt first), two through the spreadsheet.
    await page.getByRole("link", { name: "题库", exact: true }).click();
    await page.getByRole("link", { name: "添加题目" }).click();
    await page.getByLabel("题型").selectOption("MULTIPLE");
    await page.getByLabel("题干").fill("数据资源可以确认为哪些资产？");
    await page.getByLabel("选项A", { exact: true }).fill("存货");
    await page.getByLabel("选项B", { exact: true }).fill("无形资产");
    await page.getByLabel("选项C", { exact: true }).fill("固定资产");
    await page.getByLabel("选项A为正确答案").check();
    await page.getByRole("button", { name: "添加题目" }).click();
    await expect(page.getByText("多选题至少需要 2 个正确答案")).toBeVisible();
    await expect(page.getByLabel("题干")).toHaveValue("数据资源可以确认为哪些资产？");
    await expectAccessible(page);
    await page.getByLabel("选项B为正确答案").check();
    await page.getByRole("button", { name: "添加题目" }).click();
    await expect(page).toHaveURL(`/admin/courses/${courseId}/questions`);
    await expect(page.getByText("数据资源可以确认为哪些资产？")).toBeVisible();

    await page.getByRole("link", { name: "批量导入题目" }).click();
    const template = page.waitForEvent("download");
    await page.getByRole("link", { name: "题库导入模板" }).click();
    expect((await template).suggestedFilename()).toBe("题库导入模板.xlsx");
    const file = await questionWorkbook([
      ["单选", "企业使用的数据资源符合无形资产定义的，应当确认为？", "存货", "无形资产", "固定资产", "", "", "B", ""],
      ["判断", "数据资源可以按规定确认为存货。", "", "", "", "", "", "正确", ""],
      ["单选", "缺少正确答案的题目", "甲", "乙", "", "", "", "", ""],
    ]);
    await page.getByLabel("题库文件（.xlsx）").setInputFiles({
      name: "题库.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: file,
    });
    await page.getByRole("button", { name: "检查文件" }).click();
    await expect(page.getByText("可以导入 2 道题；1 行有问题，不会导入。")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "第 4 行" })).toContainText("缺少正确答案");
    await expectAccessible(page);
    await page.getByRole("button", { name: "确认导入 2 道题" }).click();
    await expect(page.getByText("已导入 2 道题，跳过第 4 行。")).toBeVisible();
    await page.getByRole("link", { name: "查看题库" }).click();
    await expect(page.getByRole("heading", { name: "题库：3 道启用" })).toBeVisible();

    // Publish, then a learner finds it.
    await page.getByRole("link", { name: "课程信息与考试规则" }).click();
    await page.getByRole("button", { name: "发布课程" }).click();
    await expect(page.getByRole("heading", { name: "发布状态：已发布" })).toBeVisible();
    await expect(page.getByRole("button", { name: "下架课程" })).toBeVisible();

    const learner = await newPage(browser, "10.77.0.2");
    await loginAs(learner, DEMO.wangFang);
    await learner.goto(`/courses?q=${encodeURIComponent("数据资源")}`);
    await expect(learner.getByRole("link", { name: title })).toBeVisible();
    await learner.context().close();
  });

  test("[ADMIN][COURSES] a district administrator reads the catalogue without edit controls, and a direct POST changes nothing", async ({
    page,
    browser,
  }) => {
    // The city office makes a draft and clicks 删除课程; the request is caught before it leaves,
    // to be replayed below exactly as a browser sends a server action.
    const city = await newPage(browser, "10.77.0.3");
    await staffLogin(city, "cityadmin");
    const courseId = await createDraft(city, "区级只读验证课程");
    const caught = new Promise<Request>((resolve) =>
      city.route(`**/admin/courses/${courseId}`, async (route) => {
        if (route.request().method() !== "POST") return route.continue();
        resolve(route.request());
        await route.abort();
      }),
    );
    city.once("dialog", (dialog) => void dialog.accept());
    await city.getByRole("button", { name: "删除课程" }).click();
    const deleteRequest = await caught;
    const replay = async (as: Page) =>
      as.request.post(deleteRequest.url(), {
        headers: Object.fromEntries(
          Object.entries(await deleteRequest.allHeaders()).filter(
            ([name]) => !["cookie", "content-length", "host"].includes(name),
          ),
        ),
        data: deleteRequest.postDataBuffer() ?? Buffer.alloc(0),
      });
    expect(await deleteRequest.headerValue("next-action")).toBeTruthy();

    await staffLogin(page, "wuchang");
    await page.goto("/admin/courses");
    await expect(page.getByRole("row").filter({ hasText: "会计人员职业道德规范" })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "区级只读验证课程" })).toContainText("草稿");
    await expect(page.getByRole("link", { name: "新建课程" })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "会计人员职业道德规范" }).click();
    await expect(page.getByText("每份试卷题数")).toBeVisible();
    for (const control of ["保存课程信息", "保存考试规则", "下架课程", "删除课程"]) {
      await expect(page.getByRole("button", { name: control })).toHaveCount(0);
    }
    await page.getByRole("link", { name: "课时", exact: true }).click();
    await expect(page.getByRole("listitem").first()).toBeVisible();
    await expect(page.getByRole("link", { name: /^修改/ })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "添加课时" })).toHaveCount(0);
    await page.getByRole("link", { name: "题库", exact: true }).click();
    await expect(page.getByText("（正确答案）").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "添加题目" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /停用|删除/ })).toHaveCount(0);
    await page.goto("/admin/courses/new");
    await expect(page).toHaveURL(/\/admin$/);

    // The district administrator sends the city office's delete action directly: refused.
    const refused = await replay(page);
    expect(await refused.text()).toContain("FORBIDDEN");
    const upload = await page.request.post("/media/uploads", {
      data: Buffer.from("x"),
      headers: { "content-type": "video/mp4" },
    });
    expect(upload.status()).toBe(403);
    await city.reload();
    await expect(city.getByRole("heading", { level: 1 })).toHaveText("区级只读验证课程");

    // The same request from the city office does delete it: the refusal above was the role's.
    await city.unrouteAll();
    await replay(city);
    await city.goto("/admin/courses");
    await expect(city.getByRole("row").filter({ hasText: "区级只读验证课程" })).toHaveCount(0);
    await city.context().close();
  });
});
