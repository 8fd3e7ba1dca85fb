import { execFileSync } from "node:child_process";
import { createPublicKey, verify } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO, expect, loginAs, sql, staffLogin, test } from "./fixtures";

// 学时证明 as its users meet it: 李明 downloads his 2024 certificate from the dashboard, the
// printed PDF reads right, its QR code opens the public verification page (有效), an
// administrator revokes it and the same address says 已撤销 with the reason, then reissues it.

const hasBinary = (name: string) => {
  try {
    execFileSync("which", [name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};
const readable = hasBinary("pdftotext") && hasBinary("pdftoppm") && hasBinary("zbarimg");

test.describe("[LEARNER][CERTIFICATE] 学时证明", () => {
  test.describe.configure({ mode: "serial" });
  test.skip(!readable, "needs Debian's poppler-utils and zbar-tools (installed by .ci/run)");

  test("李明 downloads, a verifier checks, an administrator revokes and reissues", async ({ page, browser, baseURL }) => {
    await loginAs(page, DEMO.liMing);
    const year = page.getByRole("article", { name: "2024 年度" });
    const download = page.waitForEvent("download");
    await year.getByRole("link", { name: /下载 2024 年度学时证明/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^学时证明-2024-[0-9A-Z]{16}\.pdf$/);
    const dir = mkdtempSync(join(tmpdir(), "certificate-"));
    const pdf = join(dir, "certificate.pdf");
    await file.saveAs(pdf);

    // The paper: every figure a reader needs, as text.
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    const code = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(text)?.[0];
    expect(code).toBeTruthy();
    for (const shown of ["李明", "420102********1238", "2024", "36 学分", "60 学分", "96 学分", "32.0"]) {
      expect(text).toContain(shown);
    }
    // Its QR code, as a phone reads it.
    execFileSync("pdftoppm", ["-r", "150", "-png", "-singlefile", pdf, join(dir, "page")]);
    const qr = execFileSync("zbarimg", ["--raw", "-q", join(dir, "page.png")], { encoding: "utf8" }).trim();
    const compact = code!.replaceAll("-", "");
    expect(qr.startsWith(`${baseURL}/verify/${compact}#`)).toBe(true);

    // Offline: the signature in the QR code checks against the published key alone.
    const pem = await (await page.request.get("/verify/key")).text();
    const [payload, signature] = qr.split("#")[1]!.split(".");
    const signed = Buffer.from(payload!, "base64url");
    expect(JSON.parse(signed.toString("utf8"))).toEqual(expect.arrayContaining(["李明", 2024, 36, 60, 96, compact]));
    expect(verify(null, signed, createPublicKey(pem), Buffer.from(signature!, "base64url"))).toBe(true);

    // Online, without signing in.
    const verifier = await browser.newPage();
    await verifier.goto(qr);
    await expect(verifier.getByText("有效", { exact: true })).toBeVisible();
    await expect(verifier.getByText("420102********1238")).toBeVisible();

    // An administrator revokes it with a reason.
    const [learner] = await sql<{ id: string }>(`SELECT "learnerId" AS id FROM "Certificate" WHERE "code" = $1`, [compact]);
    const admin = await browser.newPage();
    await staffLogin(admin, "cityadmin");
    await admin.goto(`/admin/learners/${learner!.id}`);
    const card = admin.locator(`[data-certificate="${compact}"]`);
    await card.getByText("撤销该证明").click();
    await card.getByLabel("撤销原因").fill("核查发现材料不实");
    await card.getByRole("button", { name: "确认撤销" }).click();
    await expect(card.getByText("撤销原因：核查发现材料不实")).toBeVisible();

    // The same address again (a goto to it would only move to its fragment).
    await verifier.reload();
    await expect(verifier.getByText("已撤销", { exact: true })).toBeVisible();
    await expect(verifier.getByText(/核查发现材料不实/)).toBeVisible();
    // The learner is no longer offered it.
    await page.reload();
    await expect(year.getByRole("link", { name: /下载 2024 年度学时证明/ })).toHaveCount(0);
    expect((await page.request.get(`/certificates/${compact}`)).status()).toBe(404);

    // Reissued: a new certificate, which the learner can download again.
    await card.getByRole("button", { name: "重新签发该年度证明" }).click();
    await expect(admin.locator("[data-certificate]").filter({ hasText: "有效" })).toHaveCount(1);
    await page.reload();
    await expect(year.getByRole("link", { name: /下载 2024 年度学时证明/ })).toBeVisible();
  });

  test("an unknown and a malformed code get the same 404", async ({ page }) => {
    const unknown = await page.goto("/verify/7KQ2M9XD4RTAZP3C");
    expect(unknown?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "未找到该学时证明" })).toBeVisible();
    const malformed = await page.goto("/verify/not-a-code");
    expect(malformed?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "未找到该学时证明" })).toBeVisible();
  });

  test("a learner without a completed year is offered none, and nobody else's downloads", async ({ page }) => {
    await loginAs(page, DEMO.zhangWei);
    await expect(page.getByRole("link", { name: /学时证明/ })).toHaveCount(0);
    const [other] = await sql<{ code: string }>(`SELECT "code" FROM "Certificate" WHERE "state" = 'VALID' LIMIT 1`);
    expect(other).toBeTruthy();
    expect((await page.request.get(`/certificates/${other!.code}`)).status()).toBe(404);
  });
});
