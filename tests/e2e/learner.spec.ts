import { DEMO, expect, expectAccessible, expectNoFullIdNumber, loginAs, submitLogin, test } from "./fixtures";

const LOGIN_FAILED = /身份证号和姓名与已登记的学员信息不符/;

test.describe("[LEARNER][LOGIN]", () => {
  test("李明 logs in and sees 2024 complete and 2025 as his active year", async ({ page, context }) => {
    await loginAs(page, DEMO.liMing);
    await expect(page).toHaveURL("/");
    const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
    expect(session!.expires - Date.now() / 1000).toBeLessThanOrEqual(30 * 60 + 5);
    await expect(page.getByText("4201**********1238")).toBeVisible();
    await expect(page.getByText("江岸区")).toBeVisible();
    const y2024 = page.getByRole("article", { name: "2024 年度" });
    await expect(y2024.getByText("已完成")).toBeVisible();
    const y2025 = page.getByRole("article", { name: "2025 年度" });
    await expect(y2025.getByText("当前学习年度（补学）")).toBeVisible();
    await expect(y2025.getByText("还需 48 学分，其中专业科目 30 学分")).toBeVisible();
    await expect(y2025.getByRole("meter", { name: "总学分" })).toHaveAttribute("aria-valuenow", "42");
    await expectNoFullIdNumber(page);
    await expectAccessible(page);
  });

  test("张伟 sees 2024 as an active catch-up year", async ({ page }) => {
    await loginAs(page, DEMO.zhangWei);
    const y2024 = page.getByRole("article", { name: "2024 年度" });
    await expect(y2024.getByText("当前学习年度（补学）")).toBeVisible();
    await expect(y2024.getByText(/须先完成 2024 年度的学习/)).toBeVisible();
  });

  test("a disabled learner, a wrong name and an unregistered number get the identical message", async ({ page }) => {
    const messages: string[] = [];
    for (const [idNumber, name] of [
      [DEMO.liuYang.idNumber, DEMO.liuYang.name],
      [DEMO.liMing.idNumber, "李鸣"],
      ["420115198811115675", "赵敏"],
    ]) {
      await submitLogin(page, idNumber!, name!);
      const alert = page.getByRole("main").getByRole("alert");
      await expect(alert).toContainText(LOGIN_FAILED);
      await expect(alert.getByRole("link", { name: "查看各区财政局联系方式" })).toBeVisible();
      messages.push(await alert.innerText());
      await expect(page.getByLabel("姓名")).toHaveValue(name!);
    }
    expect(new Set(messages).size).toBe(1);
  });

  test("lower-case x, full-width digits and spaces are accepted; a wrong check character gets its reason", async ({
    page,
  }) => {
    await submitLogin(page, " ４２０１０２ １９８５０３１２ １２３８ ", "李明");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("李明，您好");
    await page.getByRole("button", { name: "退出" }).click();
    await expect(page.getByRole("link", { name: "学员登录" }).first()).toBeVisible();

    await submitLogin(page, "420102198503121239", "李明");
    const idField = page.getByLabel("身份证号");
    await expect(idField).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("身份证号校验位不正确，请核对最后一位")).toBeVisible();
    await expectAccessible(page);
  });

  test("the sixth failed attempt within 15 minutes is refused even with the right name", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "one account's throttle window is shared by every viewport");
    for (let i = 0; i < 5; i++) {
      await submitLogin(page, DEMO.chenJing.idNumber, "陈晶");
      await expect(page.getByRole("main").getByRole("alert")).toContainText(LOGIN_FAILED);
    }
    await submitLogin(page, DEMO.chenJing.idNumber, DEMO.chenJing.name);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(/登录失败次数过多，请于 \d{2}:\d{2} 后再试/);
  });
});

test.describe("[LEARNER][COURSES]", () => {
  test("the catalogue filters, searches and paginates; a course page shows lessons and exam rules", async ({
    page,
  }) => {
    await loginAs(page, DEMO.zhangWei);
    await page.getByRole("link", { name: "选课中心" }).click();
    await expect(page.getByRole("heading", { name: "选课中心" })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("科目类别").selectOption("PUBLIC");
    await page.getByRole("button", { name: "查询" }).click();
    await expect(page).toHaveURL(/category=PUBLIC/);
    const cards = page.getByRole("main").getByRole("listitem");
    await expect(cards.first()).toBeVisible();
    for (const badge of await page
      .getByRole("main")
      .getByRole("list")
      .getByText(/^(专业科目|公需科目)$/)
      .allInnerTexts()) {
      expect(badge).toBe("公需科目");
    }

    await page.getByLabel("科目类别").selectOption("");
    await page.getByLabel("课程名称").fill("政府会计");
    await page.getByRole("button", { name: "查询" }).click();
    await page.getByRole("link", { name: "政府会计准则制度解读" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("政府会计准则制度解读");
    await expect(page.getByRole("heading", { name: "课程章节" })).toBeVisible();
    await expect(page.getByText(/每次考试 10 题，满分 100 分，60 分及格，限时 30 分钟/)).toBeVisible();
    await expect(page.getByText("学习并通过考试后，学分将计入您的 2024 年度（先完成较早的年度）。")).toBeVisible();
    await expectAccessible(page);

    await page.goto("/courses");
    const next = page.getByRole("link", { name: "下一页" });
    await expect(next).toBeVisible();
    await next.click();
    await expect(page.getByText(/第 2 \/ \d+ 页/)).toBeVisible();
  });

  test("开始学习 enrolls the learner; the dashboard then lists the course in progress", async ({ page }, testInfo) => {
    // One course per viewport: a course is studied once per learner.
    const title = testInfo.project.name === "desktop" ? "预算绩效管理" : "管理会计应用指引";
    await loginAs(page, DEMO.wangFang);
    await page.goto("/courses?q=" + encodeURIComponent(title));
    await page.getByRole("link", { name: title }).click();
    await page.getByRole("button", { name: "开始学习" }).click();
    await expect(page).toHaveURL(/\/learn\/[a-z0-9]+$/);
    await page.goto("/");
    const inProgress = page.getByRole("region", { name: "正在学习" });
    await expect(inProgress.getByText(title)).toBeVisible();
    await page.goto("/courses?q=" + encodeURIComponent(title));
    await expect(page.getByRole("main").getByText("学习中")).toBeVisible();
    await page.getByRole("link", { name: title }).click();
    await expect(page.getByRole("link", { name: "继续学习" })).toBeVisible();
  });

  test("records list every ledger line per year; help shows the hotlines and the district contacts", async ({
    page,
  }) => {
    await loginAs(page, DEMO.liMing);
    await page.getByRole("link", { name: "学分记录" }).click();
    const y2024 = page.getByRole("region", { name: "2024 年度" });
    await expect(y2024.getByText("会计诚信教育（2023年版）")).toBeVisible();
    await expect(y2024.getByText("已完成：共 96 学分（专业科目 60 学分）")).toBeVisible();
    const y2025 = page.getByRole("region", { name: "2025 年度" });
    await expect(y2025.getByRole("row")).toHaveCount(4);
    await expectAccessible(page);

    await page.getByRole("link", { name: "帮助" }).click();
    await expect(page.getByRole("link", { name: "400-628-6677" }).first()).toBeVisible();
    await expectAccessible(page);
    await page.goto("/help/contacts");
    await expect(page.getByRole("heading", { name: "武昌区财政局" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "武汉市会计考办" })).toBeVisible();
    await expectAccessible(page);
  });

  test("退出 ends the session on the server: a copy of the cookie opens nothing afterwards", async ({ page, browser }) => {
    await loginAs(page, DEMO.wangFang);
    const copied = (await page.context().cookies()).filter((c) => c.name.endsWith("authjs.session-token"));
    expect(copied).toHaveLength(1);
    await page.getByRole("button", { name: "退出" }).click();
    await expect(page.getByRole("main").getByRole("link", { name: "学员登录" })).toBeVisible();
    // Someone who kept the cookie (a shared computer, a copied header) is sent to sign in.
    const other = await browser.newContext();
    await other.addCookies(copied);
    const stranger = await other.newPage();
    for (const path of ["/records", "/courses"]) {
      await stranger.goto(path);
      await expect(stranger).toHaveURL("/login");
    }
    const exam = await stranger.request.post("/api/exams/start", {
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      data: { enrollmentId: "x" },
    });
    expect(exam.status()).toBe(401);
    await other.close();
  });

  test("learner pages require a session", async ({ page }) => {
    for (const path of ["/courses", "/records"]) {
      await page.goto(path);
      await expect(page).toHaveURL("/login");
    }
  });
});
