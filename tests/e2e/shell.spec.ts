import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO, loginAs } from "./fixtures";

const FULL_ID_NUMBER = /\d{17}[\dX]/;

test("[SHELL] the home page speaks Chinese, names the site and shows the playback hotlines", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveTitle("武汉市会计人员继续教育培训网");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("武汉市会计人员继续教育培训网");
  const footer = page.getByRole("contentinfo");
  for (const phone of ["400-628-6677", "400-627-5566", "027-85777762"]) {
    await expect(footer.getByRole("link", { name: phone })).toBeVisible();
  }
  await expect(page.getByRole("main").getByRole("link", { name: "学员登录" })).toBeVisible();
  expect(await page.content()).not.toMatch(FULL_ID_NUMBER);

  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("[SHELL] the layout fits the screen without horizontal scrolling", async ({ page }) => {
  await page.goto("/");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("[SHELL] the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "up" });
  expect(response.headers()["cache-control"]).toContain("no-store");
});

test("[SHELL] an unknown address gets the Chinese not-found page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await page.getByRole("link", { name: "返回首页" }).click();
  await expect(page).toHaveURL("/");
});

const BASELINE_DIRECTIVES = ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'"];

test("[SHELL] a signed-out visitor's prebuilt pages carry the baseline policy: no plugins, framing, foreign forms or scripts", async ({
  page,
}) => {
  const response = await page.goto("/login");
  const policy = response?.headers()["content-security-policy"] ?? "";
  for (const directive of BASELINE_DIRECTIVES) expect(policy).toContain(directive);
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toContain("script-src 'self'");
  expect(response?.headers()["strict-transport-security"]).toBe("max-age=31536000");
  // Prebuilt for everyone, and still never kept by a shared cache: the same address answers a
  // signed-in learner with their own page.
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
  // A script from elsewhere is refused.
  const refused = page.waitForEvent("console", (message) => /Content Security Policy/i.test(message.text()));
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.src = "https://cdn.example.com/x.js";
    document.head.append(script);
  });
  expect((await refused).text()).toContain("script-src");
});

test("[SHELL] a signed-in learner's pages are served with scripts by nonce, fresh for each page", async ({ page }) => {
  await loginAs(page, DEMO.liMing);
  const response = await page.goto("/records");
  const policy = response?.headers()["content-security-policy"] ?? "";
  for (const directive of BASELINE_DIRECTIVES) expect(policy).toContain(directive);
  expect(policy).not.toContain("unsafe-eval");
  // Next.js's own scripts carry the nonce (and the page works: it hydrated).
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  const again = (await page.request.get("/records")).headers()["content-security-policy"] ?? "";
  expect(again).toMatch(/'nonce-/);
  expect(again).not.toContain(`'nonce-${nonce}'`);
  const scriptNonces = await page.evaluate(() => [...document.scripts].map((script) => script.nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  // A script from elsewhere is refused, even when a script of the page adds it.
  const refused = page.waitForEvent("console", (message) => /Content Security Policy/i.test(message.text()));
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.src = "https://cdn.example.com/x.js";
    document.head.append(script);
  });
  expect((await refused).text()).toContain("script-src");
});
