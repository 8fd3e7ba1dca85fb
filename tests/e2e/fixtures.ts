// Shared end-to-end helpers. Logins are throttled per client address, and every test comes
// from 127.0.0.1, which the test server trusts as a proxy (TRUSTED_PROXIES): each test presents
// its own X-Forwarded-For address so that tests never share a throttle window.
import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import pg from "pg";
import { TEST_SECRETS } from "../support/test-database";
import { e2eDatabaseUrl } from "./identities";

export const test = base.extend({
  extraHTTPHeaders: async ({}, use, testInfo) => {
    const hash = createHash("sha256").update(`${testInfo.project.name}:${testInfo.testId}:${testInfo.retry}`).digest();
    await use({ "x-forwarded-for": `10.${hash[0]}.${hash[1]}.${hash[2]}` });
  },
  // Whatever a test does, nothing the portal's pages load may be refused by its own
  // Content-Security-Policy (Chromium reports each refusal on the console).
  page: async ({ page }, use) => {
    const refused = collectCspRefusals(page);
    await use(page);
    expect(refused, "Content-Security-Policy refusals").toEqual([]);
  },
});

/** The console's Content-Security-Policy refusals of this page, as they happen. */
export function collectCspRefusals(page: Page): string[] {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return refused;
}
export { expect };

export { DEMO, E2E } from "./identities";

/** A statement on the e2e server's database, for tests that arrange data the UI cannot. */
export async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

export async function submitLogin(page: Page, idNumber: string, name: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("身份证号").fill(idNumber);
  await page.getByLabel("姓名").fill(name);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Logs in through the real form and waits for the dashboard, at / (where a sign-in goes). */
export async function loginAs(page: Page, learner: { idNumber: string; name: string }): Promise<void> {
  await submitLogin(page, learner.idNumber, learner.name);
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${learner.name}，您好`);
}

/**
 * Logs a demo staff account in through the real form (the demo password) and waits for its home:
 * /admin for administrators; support staff pass theirs (/support).
 */
export async function staffLogin(page: Page, username: string, home: string | RegExp = /\/admin$/): Promise<void> {
  await page.goto("/staff/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(TEST_SECRETS.DEMO_STAFF_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(home);
}

/** No serious or critical accessibility violation on the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  // Next.js streams a dynamic page's <title> after its content: scan the page once it is whole.
  await expect(page).toHaveTitle(/\S/);
  const scan = await new AxeBuilder({ page }).analyze();
  const serious = scan.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** No full ID number anywhere in the page's HTML or its address. */
export async function expectNoFullIdNumber(page: Page): Promise<void> {
  expect(page.url()).not.toMatch(/\d{17}[\dXx]/);
  expect(await page.content()).not.toMatch(/\d{17}[\dXx]/);
}
