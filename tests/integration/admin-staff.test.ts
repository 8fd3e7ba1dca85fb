import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import type { ActionResult } from "../../src/lib/action-result";
import { todayInShanghai } from "../../src/lib/time";
import { updateDistrictContactByStaff } from "../../src/server/actions/districts";
import { setLearnerStatusByStaff } from "../../src/server/actions/learners";
import { createStaffByAdmin, resetStaffPasswordByAdmin, setStaffActiveByAdmin } from "../../src/server/actions/staff";
import { listAuditLog } from "../../src/server/audit/list-audit-log";
import { getCurrentStaff } from "../../src/server/auth/session";
import { verifyStaffLogin } from "../../src/server/auth/verify-staff-login";
import { getDb } from "../../src/server/db";
import { listDistrictContacts } from "../../src/server/districts/list-district-contacts";
import { listEditableDistrictContacts } from "../../src/server/districts/list-editable-district-contacts";
import { createStaffUser } from "../../src/server/staff/create-staff-user";
import { listStaff } from "../../src/server/staff/list-staff";
import { createCast } from "../support/cast";
import { createLearner, createStaff, districtId } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { signInAs, signOutAll } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const PASSWORD = "Qingshan-Lake-2031";
type Who = "city" | "district" | "support" | "learner" | "none";

/** The cast: the city office, the 武昌区 administrator, support staff, a 武昌区 learner. */
const cast = () =>
  createCast(
    {
      city: { role: "CITY_ADMIN" },
      district: { role: "DISTRICT_ADMIN", districtCode: "wuchang" },
      support: { role: "SUPPORT" },
    },
    { districtCode: "wuchang" },
  );

function code(result: ActionResult<unknown>): string {
  return result.ok ? "ok" : result.code;
}

async function staffState() {
  const db = getDb();
  return { staff: await db.staffUser.findMany({ orderBy: { id: "asc" } }), audits: await db.auditLog.count() };
}

const CITY_ONLY = {
  city: "ok",
  district: "FORBIDDEN",
  support: "FORBIDDEN",
  learner: "UNAUTHENTICATED",
  none: "UNAUTHENTICATED",
} as const;

describe("staff management: each role against each action", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
  });

  const ACTIONS = {
    创建账号: (_target: string) =>
      createStaffByAdmin(null, {
        username: "hanyang01",
        displayName: "汉阳区管理员",
        role: "SUPPORT",
        districtId: "",
        password: PASSWORD,
        confirmPassword: PASSWORD,
      }),
    停用账号: (target: string) => setStaffActiveByAdmin(null, { staffId: target, active: "false" }),
    重置密码: (target: string) => resetStaffPasswordByAdmin(null, { staffId: target, password: "Donghu-Scenic-2040" }),
  };
  const cases = Object.keys(ACTIONS).flatMap((name) =>
    (Object.keys(CITY_ONLY) as Who[]).map((who) => [name as keyof typeof ACTIONS, who, CITY_ONLY[who]] as const),
  );

  it.each(cases)("%s as %s → %s", async (name, who, expected) => {
    const { signIn } = await cast();
    const target = await createStaff({ role: "SUPPORT", username: "kefu77" });
    const before = await staffState();
    signIn(who);
    expect(code(await ACTIONS[name](target.id))).toBe(expected);
    const after = await staffState();
    if (expected === "ok") expect(after).not.toEqual(before);
    else expect(after).toEqual(before);
  });

  it("lists staff for the city office only", async () => {
    const { people } = await cast();
    expect((await listStaff(people.city)).length).toBe(3);
    expect(await listStaff(people.district)).toEqual([]);
    expect(await listStaff(people.support)).toEqual([]);
  });
});

describe("staff management: behaviour", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
  });

  it("creates an account that must change its password, with policy and district checks", async () => {
    const { people } = await cast();
    signInAs("staff", people.city.id);
    const base = {
      username: "Hanyang01",
      displayName: "汉阳区管理员",
      role: "DISTRICT_ADMIN",
      password: PASSWORD,
      confirmPassword: PASSWORD,
    };
    expect(await createStaffByAdmin(null, { ...base, districtId: "" })).toMatchObject({
      ok: false,
      fieldErrors: { districtId: expect.any(Array) },
    });
    expect(await createStaffByAdmin(null, { ...base, districtId: String(await districtId("city")) })).toMatchObject({
      ok: false,
      fieldErrors: { districtId: ["请选择所属区"] },
    });
    expect(
      await createStaffByAdmin(null, {
        ...base,
        districtId: String(await districtId("hanyang")),
        password: "password1234",
        confirmPassword: "password1234",
      }),
    ).toMatchObject({
      ok: false,
      code: "WEAK_PASSWORD",
    });
    expect(
      await createStaffByAdmin(null, {
        ...base,
        districtId: String(await districtId("hanyang")),
        confirmPassword: "other",
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ["两次输入的密码不一致"] },
    });
    const created = await createStaffByAdmin(null, { ...base, districtId: String(await districtId("hanyang")) });
    expect(created).toMatchObject({ ok: true, data: { username: "hanyang01" } });
    expect(await getDb().staffUser.findUniqueOrThrow({ where: { username: "hanyang01" } })).toMatchObject({
      role: "DISTRICT_ADMIN",
      districtId: await districtId("hanyang"),
      mustChangePassword: true,
      active: true,
    });
    expect(await verifyStaffLogin({ username: "hanyang01", password: PASSWORD }, "198.51.100.30")).toMatchObject({
      ok: true,
      mustChangePassword: true,
    });
    expect(await createStaffByAdmin(null, { ...base, districtId: String(await districtId("hanyang")) })).toMatchObject({
      ok: false,
      code: "DUPLICATE_USERNAME",
    });
    expect(
      await getDb().auditLog.findFirst({ where: { action: "staff.create", actorId: people.city.id } }),
    ).not.toBeNull();
  });

  it("deactivation ends the account's sessions and sign-in; reactivation restores them; never oneself", async () => {
    const { people } = await cast();
    const admin = await createStaffUser({
      username: "wuchang02",
      displayName: "武昌区管理员",
      role: "DISTRICT_ADMIN",
      districtId: await districtId("wuchang"),
      password: PASSWORD,
      createdById: null,
    });
    const learner = await createLearner({ districtCode: "wuchang" });
    signInAs("staff", people.city.id);
    expect(await setStaffActiveByAdmin(null, { staffId: people.city.id, active: "false" })).toMatchObject({
      ok: false,
      code: "SELF",
    });
    expect(await setStaffActiveByAdmin(null, { staffId: admin.id, active: "false" })).toMatchObject({
      ok: true,
      data: { changed: true },
    });

    signInAs("staff", admin.id); // their open session
    expect(await setLearnerStatusByStaff(null, { learnerId: learner.id, status: "DISABLED" })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    expect(await verifyStaffLogin({ username: "wuchang02", password: PASSWORD }, "198.51.100.31")).toMatchObject({
      ok: false,
    });

    signInAs("staff", people.city.id);
    expect(await setStaffActiveByAdmin(null, { staffId: admin.id, active: "true" })).toMatchObject({ ok: true });
    signInAs("staff", admin.id);
    expect(await setLearnerStatusByStaff(null, { learnerId: learner.id, status: "DISABLED" })).toMatchObject({
      ok: true,
    });
    const audit = await getDb().auditLog.findMany({
      where: { targetId: admin.id, actorId: people.city.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["staff.deactivate", "staff.reactivate"]);
  });

  it("a password reset forces a change at the next sign-in and is refused for oneself", async () => {
    const { people } = await cast();
    const support = await createStaffUser({
      username: "kefu05",
      displayName: "客服",
      role: "SUPPORT",
      districtId: null,
      password: PASSWORD,
      createdById: null,
    });
    signInAs("staff", people.city.id);
    expect(
      await resetStaffPasswordByAdmin(null, { staffId: people.city.id, password: "Donghu-Scenic-2040" }),
    ).toMatchObject({
      ok: false,
      code: "SELF",
    });
    expect(await resetStaffPasswordByAdmin(null, { staffId: support.id, password: "kefu05kefu05" })).toMatchObject({
      ok: false,
      code: "WEAK_PASSWORD",
    });
    const supportSignedIn = Math.floor(Date.now() / 1000) - 60; // their open session
    expect(
      await resetStaffPasswordByAdmin(null, { staffId: support.id, password: "Donghu-Scenic-2040" }),
    ).toMatchObject({ ok: true });
    // The reset ends the sessions signed in with the old password.
    signInAs("staff", support.id, supportSignedIn);
    expect(await getCurrentStaff()).toBeNull();
    signInAs("staff", people.city.id);
    expect(await verifyStaffLogin({ username: "kefu05", password: PASSWORD }, "198.51.100.32")).toMatchObject({
      ok: false,
    });
    expect(
      await verifyStaffLogin({ username: "kefu05", password: "Donghu-Scenic-2040" }, "198.51.100.33"),
    ).toMatchObject({
      ok: true,
      mustChangePassword: true,
    });
    const entry = await getDb().auditLog.findFirstOrThrow({ where: { action: "staff.password.reset" } });
    expect(JSON.stringify(entry.details)).not.toContain("Donghu");
  });
});

describe("district contacts", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
  });

  const contact = (id: number) => ({
    districtId: String(id),
    officeName: "武昌区财政局会计科",
    phone: "027-88888888",
    address: "武昌区中山路1号",
    hours: "工作日 9:00-17:00",
  });

  it.each([
    ["city", "wuchang", "ok"],
    ["city", "city", "ok"],
    ["district", "wuchang", "ok"],
    ["district", "jiangan", "DISTRICT_NOT_FOUND"],
    ["district", "city", "DISTRICT_NOT_FOUND"],
    ["support", "wuchang", "FORBIDDEN"],
    ["learner", "wuchang", "UNAUTHENTICATED"],
    ["none", "wuchang", "UNAUTHENTICATED"],
  ] as const)("as %s, editing %s → %s", async (who, districtCode, expected) => {
    const { signIn } = await cast();
    const id = await districtId(districtCode);
    const before = await getDb().district.findUniqueOrThrow({ where: { id } });
    signIn(who);
    expect(code(await updateDistrictContactByStaff(null, contact(id)))).toBe(expected);
    const after = await getDb().district.findUniqueOrThrow({ where: { id } });
    if (expected === "ok") {
      expect(after).toMatchObject({ officeName: "武昌区财政局会计科", phone: "027-88888888" });
      expect((await listDistrictContacts()).find((d) => d.id === id)?.address).toBe("武昌区中山路1号");
    } else {
      expect(after).toEqual(before);
    }
  });

  it("shows each administrator the rows they maintain, and audits before/after", async () => {
    const { people } = await cast();
    expect((await listEditableDistrictContacts(people.city)).length).toBe(17);
    expect((await listEditableDistrictContacts(people.district)).map((d) => d.name)).toEqual(["武昌区"]);
    expect(await listEditableDistrictContacts(people.support)).toEqual([]);
    signInAs("staff", people.district.id);
    expect(
      await updateDistrictContactByStaff(null, { ...contact(await districtId("wuchang")), phone: "027-8888 abc" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { phone: expect.any(Array) },
    });
    // District rows are reference data that outlive each test: start from a known phone.
    const id = await districtId("wuchang");
    const before = (await getDb().district.findUniqueOrThrow({ where: { id } })).phone;
    const phone = `027-${String(Date.now()).slice(-8)}`;
    expect(await updateDistrictContactByStaff(null, { ...contact(id), phone })).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    const entry = await getDb().auditLog.findFirstOrThrow({ where: { action: "district.contact.update" } });
    expect(entry.details).toMatchObject({ district: "武昌区", changes: { phone: { before, after: phone } } });
  });
});

describe("audit log browser", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
  });

  it("shows the city office everything and a district bureau only its learners, its row and its own actions", async () => {
    const { people } = await cast();
    const otherDistrictAdmin = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "jiangan" });
    const mine = await createLearner({ districtCode: "wuchang" });
    const theirs = await createLearner({ districtCode: "jiangan" });
    signInAs("staff", people.district.id);
    await setLearnerStatusByStaff(null, { learnerId: mine.id, status: "DISABLED" });
    await updateDistrictContactByStaff(null, {
      districtId: String(await districtId("wuchang")),
      officeName: "武昌区财政局",
      phone: "027-1",
      address: "",
      hours: "",
    });
    signInAs("staff", otherDistrictAdmin.id);
    await setLearnerStatusByStaff(null, { learnerId: theirs.id, status: "DISABLED" });
    await verifyStaffLogin({ username: otherDistrictAdmin.username, password: "wrong" }, "198.51.100.40");

    const seen = async (staff: typeof people.city, filters: Record<string, string> = {}) =>
      (await listAuditLog(staff, filters)).entries.map((e) => `${e.action}:${e.targetId}`);
    const district = await seen(people.district);
    expect(district).toEqual(
      expect.arrayContaining([
        `learner.disable:${mine.id}`,
        `learner.register:${mine.id}`,
        `district.contact.update:${await districtId("wuchang")}`,
      ]),
    );
    expect(district.some((e) => e.includes(theirs.id) || e.startsWith("staff.login"))).toBe(false);
    expect(await seen(people.district, { learner: theirs.id })).toEqual([]);
    expect(await seen(people.support)).toEqual([]);

    const city = await seen(people.city);
    expect(city).toEqual(
      expect.arrayContaining([`learner.disable:${theirs.id}`, `staff.login:${otherDistrictAdmin.username}`]),
    );
    expect(await seen(people.city, { staff: otherDistrictAdmin.username })).toEqual([
      `staff.login:${otherDistrictAdmin.username}`,
      `learner.disable:${theirs.id}`,
    ]);
    expect(await seen(people.city, { learner: mine.id, action: "learner.disable" })).toEqual([
      `learner.disable:${mine.id}`,
    ]);
    // The filter's dates are Wuhan's: from 16:00 UTC on, UTC's date is still yesterday there.
    const today = todayInShanghai();
    expect((await seen(people.city, { from: "2000-01-01", to: "2000-01-02" })).length).toBe(0);
    expect((await seen(people.city, { to: today, from: "2000-01-01" })).length).toBeGreaterThan(0);
  });

  it("pages by 50 with a cursor to the older entries", async () => {
    const { people } = await cast();
    await getDb().auditLog.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        actorType: "ANONYMOUS" as const,
        action: "staff.login",
        targetType: "LoginSubject",
        targetId: `nobody${i}`,
        outcome: "FAILURE" as const,
      })),
    });
    const first = await listAuditLog(people.city, {});
    expect([first.entries.length, first.newer, typeof first.older]).toEqual([50, null, "string"]);
    const second = await listAuditLog(people.city, { after: first.older ?? "" });
    expect(second.older).toBeNull();
    expect(second.entries.length).toBeGreaterThanOrEqual(5);
    // Page numbers are gone: an old ?page= address shows the newest entries.
    expect((await listAuditLog(people.city, { page: "2" })).entries).toEqual(first.entries);
  });
});
