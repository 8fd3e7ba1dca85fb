import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { changePassword } from "../../src/server/actions/staff-session";
import { getCurrentStaff } from "../../src/server/auth/session";
import { STAFF_LOGIN_FAILED_MESSAGE, verifyStaffLogin } from "../../src/server/auth/verify-staff-login";
import { getDb } from "../../src/server/db";
import { createStaffUser } from "../../src/server/staff/create-staff-user";
import { createLearner } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { redirectTarget, signInAs, signOutAll } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());

const PASSWORD = "Qingshan-Lake-2031";

describe("staff sign-in", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
  });

  async function staff(username: string, createdById: string | null = null) {
    return createStaffUser({
      username,
      displayName: "测试",
      role: "SUPPORT",
      districtId: null,
      password: PASSWORD,
      createdById,
    });
  }

  it("accepts the right password and answers unknown user, wrong password and deactivated account alike", async () => {
    const account = await staff("kefu01");
    expect(await verifyStaffLogin({ username: "KeFu01 ", password: PASSWORD }, "198.51.100.1")).toEqual({
      ok: true,
      staffId: account.id,
      mustChangePassword: false,
    });
    await staff("kefu02");
    await getDb().staffUser.update({ where: { username: "kefu02" }, data: { active: false } });
    for (const attempt of [
      { username: "nobody", password: PASSWORD },
      { username: "kefu01", password: "Wrong-Password-2031" },
      { username: "kefu02", password: PASSWORD },
    ]) {
      expect(await verifyStaffLogin(attempt, "198.51.100.2")).toEqual({
        ok: false,
        code: "LOGIN_FAILED",
        message: STAFF_LOGIN_FAILED_MESSAGE,
      });
    }
  });

  it("locks the account for 15 minutes after five failures, the right password included", async () => {
    await staff("kefu03");
    for (let i = 0; i < 5; i++)
      await verifyStaffLogin({ username: "kefu03", password: "nope" }, `198.51.100.${10 + i}`);
    const locked = await verifyStaffLogin({ username: "kefu03", password: PASSWORD }, "198.51.100.99");
    expect(locked).toMatchObject({ ok: false, code: "THROTTLED" });
    // The failures leave the window 15 minutes later: move them back in time as the clock would.
    await getDb().$executeRaw`ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`;
    await getDb().$executeRaw`UPDATE "AuditLog" SET "at" = "at" - interval '16 minutes' WHERE "targetId" = 'kefu03'`;
    await getDb().$executeRaw`ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only"`;
    expect((await verifyStaffLogin({ username: "kefu03", password: PASSWORD }, "198.51.100.99")).ok).toBe(true);
  });

  it("makes an account created by another administrator change its password before anything else", async () => {
    const admin = await createStaffUser({
      username: "chief01",
      displayName: "管理员",
      role: "CITY_ADMIN",
      districtId: null,
      password: PASSWORD,
      createdById: null,
    });
    const created = await staff("kefu04", admin.id);
    expect(created.mustChangePassword).toBe(true);
    signInAs("staff", created.id);
    const weak = await changePassword(null, {
      currentPassword: PASSWORD,
      newPassword: "password1234",
      confirmPassword: "password1234",
    });
    expect(weak).toMatchObject({ ok: false, code: "WEAK_PASSWORD" });
    const target = await redirectTarget(() =>
      changePassword(null, {
        currentPassword: PASSWORD,
        newPassword: "Hanyang-Bridge-1957",
        confirmPassword: "Hanyang-Bridge-1957",
      }),
    );
    expect(target).toBe("/support");
    expect((await getDb().staffUser.findUniqueOrThrow({ where: { id: created.id } })).mustChangePassword).toBe(false);
  });

  it("ends the account's other sessions when its password is changed, and keeps the one that changed it", async () => {
    const admin = await createStaffUser({
      username: "chief02",
      displayName: "管理员",
      role: "CITY_ADMIN",
      districtId: null,
      password: PASSWORD,
      createdById: null,
    });
    const now = Math.floor(Date.now() / 1000);
    signInAs("staff", admin.id, now - 120); // another browser, signed in earlier
    expect(await getCurrentStaff()).toMatchObject({ id: admin.id });
    signInAs("staff", admin.id, now - 60); // this browser
    const target = await redirectTarget(() =>
      changePassword(null, {
        currentPassword: PASSWORD,
        newPassword: "Hanyang-Bridge-1957",
        confirmPassword: "Hanyang-Bridge-1957",
      }),
    );
    expect(target).toBe("/admin");
    // The action signed this browser in afresh: it goes on.
    expect(await getCurrentStaff()).toMatchObject({ id: admin.id });
    // The other browser, signed in with the old password, is out at its next request.
    signInAs("staff", admin.id, now - 120);
    expect(await getCurrentStaff()).toBeNull();
    expect(await changePassword(null, { currentPassword: "x", newPassword: "y", confirmPassword: "y" })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
  });

  it("never lets a learner session act as staff", async () => {
    const learner = await createLearner();
    signInAs("learner", learner.id);
    expect(
      await changePassword(null, { currentPassword: PASSWORD, newPassword: "x", confirmPassword: "x" }),
    ).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });
});
