import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { computeCheckCharacter } from "../../src/domain/identity";
import type { ActionResult } from "../../src/lib/action-result";
import { currentYear } from "../../src/lib/time";
import { UNREADABLE_TEXT_MESSAGE } from "../../src/lib/unreadable-text";
import { startCourse } from "../../src/server/actions/enrollment";
import {
  findLearnerByIdNumberForStaff,
  recordLearnerActivityByStaff,
  recordLearnerAdjustmentByStaff,
  registerLearnerByStaff,
  setLearnerStatusByStaff,
  transferLearnerByStaff,
  updateLearnerByStaff,
} from "../../src/server/actions/learners";
import { verifyLearnerLogin } from "../../src/server/auth/verify-learner-login";
import { getDb } from "../../src/server/db";
import { findLearnerProfile } from "../../src/server/learners/find-learner-profile";
import { listLearnerAttempts } from "../../src/server/learners/list-learner-attempts";
import { listLearnerAudit } from "../../src/server/learners/list-learner-audit";
import { listLearnerEnrollments } from "../../src/server/learners/list-learner-enrollments";
import { listLearners } from "../../src/server/learners/list-learners";
import { registerLearner } from "../../src/server/learners/register-learner";
import {
  createCourse,
  createEnrollment,
  createLearner,
  createLessons,
  createStaff,
  districtId,
  uniqueIdNumber,
} from "../support/factories";
import { createCast } from "../support/cast";
import { truncateData } from "../support/reset-database";
import { redirectTarget, signInAs, signOutAll } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const FULL_ID_NUMBER = /\d{17}[\dX]/;
const YEAR = currentYear();
type Who = "city" | "own" | "other" | "support" | "learner" | "none";
const EVERYONE: readonly Who[] = ["city", "own", "other", "support", "learner", "none"];

/** The cast: the target learner lives in 江岸区; "own" administers 江岸区, "other" 武昌区. */
async function cast(targetIdNumber = uniqueIdNumber()) {
  const target = await createLearner({
    idNumber: targetIdNumber,
    districtCode: "jiangan",
    startYear: YEAR,
    mobile: "13800001111",
  });
  const { people, signIn } = await createCast(
    {
      city: { role: "CITY_ADMIN" },
      own: { role: "DISTRICT_ADMIN", districtCode: "jiangan" },
      other: { role: "DISTRICT_ADMIN", districtCode: "wuchang" },
      support: { role: "SUPPORT" },
    },
    { districtCode: "jiangan" },
  );
  return { target, people, signIn };
}

/** "ok", or the refusal code; a redirect (to the learner's page) counts as ok. */
async function outcome(run: () => Promise<ActionResult<unknown>>): Promise<string> {
  const box: { result?: ActionResult<unknown> } = {};
  const target = await redirectTarget(async () => {
    box.result = await run();
  });
  if (target !== null) return "ok";
  if (!box.result) throw new Error("the action returned nothing");
  return box.result.ok ? "ok" : box.result.code;
}

async function snapshot() {
  const db = getDb();
  return {
    learners: await db.learner.findMany({ orderBy: { id: "asc" } }),
    credits: await db.creditEntry.count(),
    audits: await db.auditLog.count(),
  };
}

const BY_SCOPE = {
  city: "ok",
  own: "ok",
  other: "LEARNER_NOT_FOUND",
  support: "FORBIDDEN",
  learner: "UNAUTHENTICATED",
  none: "UNAUTHENTICATED",
} as const;

type Target = Awaited<ReturnType<typeof cast>>["target"];
type Run = (target: Target, idNumber: string) => Promise<ActionResult<unknown>>;
const ACTIONS: Record<string, { expected: Record<Who, string>; run: Run }> = {
  编辑: {
    expected: BY_SCOPE,
    run: (t) =>
      updateLearnerByStaff(null, {
        learnerId: t.id,
        name: "改名",
        employer: "新单位",
        qualification: "SENIOR",
        mobile: "13900002222",
        startYear: String(YEAR),
      }),
  },
  停用: { expected: BY_SCOPE, run: (t) => setLearnerStatusByStaff(null, { learnerId: t.id, status: "DISABLED" }) },
  转区: {
    expected: { ...BY_SCOPE, own: "FORBIDDEN", other: "FORBIDDEN" },
    run: async (t) =>
      transferLearnerByStaff(null, { learnerId: t.id, districtId: String(await districtId("hanyang")) }),
  },
  登记其他学分: {
    expected: BY_SCOPE,
    run: (t) =>
      recordLearnerActivityByStaff(null, {
        learnerId: t.id,
        year: String(YEAR),
        category: "PROFESSIONAL",
        activityType: "PAPER_FIRST",
        credits: "",
        days: "",
        note: "《会计研究》论文",
      }),
  },
  学分调整: {
    expected: BY_SCOPE,
    run: (t) =>
      recordLearnerAdjustmentByStaff(null, {
        learnerId: t.id,
        year: String(YEAR),
        category: "PUBLIC",
        credits: "6",
        reason: "补录线下培训",
      }),
  },
  按身份证号查找: {
    expected: BY_SCOPE,
    run: (_t, idNumber) => findLearnerByIdNumberForStaff(null, { idNumber }),
  },
};

describe("learner administration: each role against each action", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
  });

  const cases = Object.entries(ACTIONS).flatMap(([name, spec]) =>
    EVERYONE.map((who) => [name, who, spec.expected[who]] as const),
  );
  it.each(cases)("%s as %s → %s", async (name, who, expected) => {
    const spec = ACTIONS[name];
    if (!spec) throw new Error(name);
    const idNumber = uniqueIdNumber();
    const { target, signIn } = await cast(idNumber);
    const before = await snapshot();
    signIn(who);
    expect(await outcome(() => spec.run(target, idNumber))).toBe(expected);
    const after = await snapshot();
    if (expected !== "ok") expect(after).toEqual(before);
    else if (name !== "按身份证号查找") expect(after).not.toEqual(before);
  });

  it.each([
    ["city", "ok"],
    ["own", "ok"],
    ["other", "DISTRICT_NOT_ALLOWED"],
    ["support", "FORBIDDEN"],
    ["learner", "UNAUTHENTICATED"],
    ["none", "UNAUTHENTICATED"],
  ] as const)("信息采集 into 江岸区 as %s → %s", async (who, expected) => {
    const { signIn } = await cast();
    const before = await getDb().learner.count();
    signIn(who);
    const idNumber = uniqueIdNumber();
    const result = await outcome(async () =>
      registerLearnerByStaff(null, {
        idNumber,
        name: "新学员",
        districtId: String(await districtId("jiangan")),
        employer: "江岸区某公司",
        qualification: "初级",
        startYear: String(YEAR),
        mobile: "",
      }),
    );
    expect(result).toBe(expected);
    expect(await getDb().learner.count()).toBe(before + (expected === "ok" ? 1 : 0));
  });

  it("reads learner data only within scope: list, profile, enrollments, attempts, audit", async () => {
    const { target, people } = await cast();
    const course = await createCourse();
    await createEnrollment(target.id, course.id);
    const read = async (staff: (typeof people)["city"]) => {
      const current = { ...staff, mustChangePassword: false };
      return {
        list: (await listLearners(current, {})).rows.map((r) => r.id),
        profile: (await findLearnerProfile(current, target.id))?.id ?? null,
        enrollments: (await listLearnerEnrollments(current, target.id)).length,
        attempts: await listLearnerAttempts(current, target.id),
        audit: (await listLearnerAudit(current, target.id)).length,
      };
    };
    expect(await read(people.city)).toMatchObject({
      list: expect.arrayContaining([target.id]),
      profile: target.id,
      enrollments: 1,
      audit: 1,
    });
    expect(await read(people.own)).toMatchObject({ profile: target.id, enrollments: 1, audit: 1 });
    expect(await read(people.other)).toEqual({ list: [], profile: null, enrollments: 0, attempts: [], audit: 0 });
    expect(await read(people.support)).toEqual({ list: [], profile: null, enrollments: 0, attempts: [], audit: 0 });
  });
});

describe("learner administration: behaviour", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
  });

  it("names the district where a duplicate ID number is registered, to any administrator", async () => {
    const { people } = await cast();
    const idNumber = uniqueIdNumber();
    await createLearner({ idNumber, districtCode: "jiangan" });
    for (const who of ["other", "city"] as const) {
      signInAs("staff", people[who].id);
      const result = await registerLearnerByStaff(null, {
        idNumber: idNumber.toLowerCase(),
        name: "重复",
        districtId: String(await districtId("wuchang")),
        employer: "某单位",
        qualification: "无",
        startYear: String(YEAR),
      });
      expect(result).toMatchObject({
        ok: false,
        code: "DUPLICATE_ID_NUMBER",
        message: "该身份证号已在江岸区登记，请勿重复采集",
        fieldErrors: { idNumber: ["该身份证号已在江岸区登记"] },
      });
    }
  });

  it("gives the same duplicate answer when two bureaus register one person at the same moment", async () => {
    const idNumber = uniqueIdNumber();
    const input = (district: number) => ({
      idNumber,
      name: "同时登记",
      districtId: district,
      employer: "某单位",
      qualification: "JUNIOR" as const,
      startYear: YEAR,
    });
    const results = await Promise.allSettled([
      registerLearner(input(await districtId("jiangan")), { staffUserId: null }),
      registerLearner(input(await districtId("wuchang")), { staffUserId: null }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toMatchObject({ code: "DUPLICATE_ID_NUMBER" });
    expect(await getDb().learner.count()).toBe(1);
  });

  it("validates the form: ID number reasons, the city row and a bad mobile, keeping field errors apart", async () => {
    const { people } = await cast();
    signInAs("staff", people.city.id);
    const first17 = "42010619900101123";
    const wrongCheck = first17 + (computeCheckCharacter(first17) === "1" ? "2" : "1");
    const invalid = await registerLearnerByStaff(null, {
      idNumber: wrongCheck,
      name: "张三",
      districtId: String(await districtId("jiangan")),
      employer: "某单位",
      qualification: "初级",
      startYear: String(YEAR),
      mobile: "123",
    });
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { mobile: ["手机号码应为以1开头的11位数字"] } });
    const badId = await registerLearnerByStaff(null, {
      idNumber: wrongCheck,
      name: "张三",
      districtId: String(await districtId("jiangan")),
      employer: "某单位",
      qualification: "初级",
      startYear: String(YEAR),
    });
    expect(badId).toMatchObject({ ok: false, fieldErrors: { idNumber: ["身份证号校验位不正确，请核对最后一位"] } });
    const cityRow = await registerLearnerByStaff(null, {
      idNumber: uniqueIdNumber(),
      name: "张三",
      districtId: String(await districtId("city")),
      employer: "某单位",
      qualification: "初级",
      startYear: String(YEAR),
    });
    expect(cityRow).toMatchObject({ ok: false, code: "DISTRICT_NOT_ALLOWED" });
    // A NUL or a lone surrogate cannot be stored: refused with the field named, never a 500.
    for (const [field, text] of [
      ["name", "张\u0000三"],
      ["employer", "某单位\uD800"],
    ] as const) {
      const unreadable = await registerLearnerByStaff(null, {
        idNumber: uniqueIdNumber(),
        name: "张三",
        districtId: String(await districtId("jiangan")),
        employer: "某单位",
        qualification: "初级",
        startYear: String(YEAR),
        [field]: text,
      });
      expect(unreadable).toEqual({
        ok: false,
        code: "UNREADABLE_TEXT",
        message: UNREADABLE_TEXT_MESSAGE,
        fieldErrors: { [field]: [UNREADABLE_TEXT_MESSAGE] },
      });
    }
    expect(await getDb().learner.count()).toBe(2); // the cast's two learners only
  });

  it("disabling stops the learner's login and session; re-enabling restores them", async () => {
    const { people } = await cast();
    const idNumber = uniqueIdNumber();
    const learner = await createLearner({ idNumber, name: "停用测试", districtCode: "jiangan" });
    const course = await createCourse();
    signInAs("staff", people.own.id);
    expect(
      await setLearnerStatusByStaff(null, { learnerId: learner.id, status: "DISABLED", reason: "身份证号录入错误" }),
    ).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    expect(await verifyLearnerLogin({ idNumber, name: "停用测试" }, "198.51.100.7")).toMatchObject({
      ok: false,
      code: "LOGIN_FAILED",
    });
    signInAs("learner", learner.id);
    expect(await startCourse(null, { courseId: course.id })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });

    signInAs("staff", people.own.id);
    expect(await setLearnerStatusByStaff(null, { learnerId: learner.id, status: "ACTIVE" })).toMatchObject({
      ok: true,
    });
    expect(await verifyLearnerLogin({ idNumber, name: "停用测试" }, "198.51.100.8")).toMatchObject({ ok: true });
    const audit = await getDb().auditLog.findMany({
      where: { targetId: learner.id, action: { in: ["learner.disable", "learner.enable"] } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      [
        "learner.disable",
        expect.objectContaining({
          changes: { status: { before: "ACTIVE", after: "DISABLED" } },
          reason: "身份证号录入错误",
        }),
      ],
      ["learner.enable", expect.objectContaining({ changes: { status: { before: "DISABLED", after: "ACTIVE" } } })],
    ]);
  });

  it("audits an edit with before/after of the changed fields only, mobile masked", async () => {
    const { people, target } = await cast();
    signInAs("staff", people.city.id);
    const result = await updateLearnerByStaff(null, {
      learnerId: target.id,
      name: target.name,
      employer: "新单位",
      qualification: "高级",
      mobile: "13900002222",
      startYear: String(target.startYear),
    });
    expect(result).toMatchObject({ ok: true, data: { changed: true } });
    const entry = await getDb().auditLog.findFirstOrThrow({ where: { action: "learner.update" } });
    expect(entry).toMatchObject({
      actorId: people.city.id,
      targetType: "Learner",
      targetId: target.id,
      ip: "127.0.0.1",
    });
    expect(entry.details).toEqual({
      idNumberMasked: target.idNumberMasked,
      changes: {
        employer: { before: "武汉测试有限公司", after: "新单位" },
        qualification: { before: "初级", after: "高级" },
        mobile: { before: "138****1111", after: "139****2222" },
      },
    });
  });

  it("refuses a start year later than a year that already holds credits", async () => {
    const { people } = await cast();
    const learner = await createLearner({ districtCode: "jiangan", startYear: YEAR - 1 });
    signInAs("staff", people.own.id);
    expect(
      await recordLearnerAdjustmentByStaff(null, {
        learnerId: learner.id,
        year: String(YEAR - 1),
        category: "PUBLIC",
        credits: "10",
        reason: "补录",
      }),
    ).toMatchObject({ ok: true });
    const moved = await updateLearnerByStaff(null, {
      learnerId: learner.id,
      name: learner.name,
      employer: learner.employer,
      qualification: learner.qualification,
      startYear: String(YEAR),
    });
    expect(moved).toMatchObject({ ok: false, code: "START_YEAR_AFTER_CREDITS" });
    expect((await getDb().learner.findUniqueOrThrow({ where: { id: learner.id } })).startYear).toBe(YEAR - 1);
  });

  it("records activity credits with the type's default, and refuses a year outside the learner's", async () => {
    const { people, target } = await cast();
    signInAs("staff", people.own.id);
    const conference = await recordLearnerActivityByStaff(null, {
      learnerId: target.id,
      year: String(YEAR),
      category: "PROFESSIONAL",
      activityType: "CONFERENCE",
      days: "2",
      note: "全国会计年会",
    });
    expect(conference).toMatchObject({ ok: true, data: { credits: 20, year: YEAR } });
    const early = await recordLearnerActivityByStaff(null, {
      learnerId: target.id,
      year: String(YEAR - 1),
      category: "PROFESSIONAL",
      activityType: "PAPER_FIRST",
      note: "论文",
    });
    expect(early).toMatchObject({ ok: false, code: "YEAR_OUT_OF_RANGE" });
    const reason = await recordLearnerAdjustmentByStaff(null, {
      learnerId: target.id,
      year: String(YEAR),
      category: "PUBLIC",
      credits: "-5",
      reason: "",
    });
    expect(reason).toMatchObject({ ok: false, fieldErrors: { reason: ["请填写调整原因"] } });
  });

  it("transfers a learner (city office only) and the new district's administrator takes over", async () => {
    const { people, target } = await cast();
    const hanyang = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "hanyang" });
    signInAs("staff", people.city.id);
    expect(
      await transferLearnerByStaff(null, { learnerId: target.id, districtId: String(await districtId("hanyang")) }),
    ).toMatchObject({
      ok: true,
      data: { districtName: "汉阳区" },
    });
    expect(
      await findLearnerProfile({ role: "DISTRICT_ADMIN", districtId: await districtId("hanyang") }, target.id),
    ).not.toBeNull();
    expect(
      await findLearnerProfile({ role: "DISTRICT_ADMIN", districtId: await districtId("jiangan") }, target.id),
    ).toBeNull();
    signInAs("staff", hanyang.id);
    expect(await setLearnerStatusByStaff(null, { learnerId: target.id, status: "DISABLED" })).toMatchObject({
      ok: true,
    });
  });

  it("looks up by full ID number only, never a part of one", async () => {
    const { people } = await cast();
    const idNumber = uniqueIdNumber();
    const learner = await createLearner({ idNumber, districtCode: "jiangan" });
    signInAs("staff", people.own.id);
    expect(await redirectTarget(() => findLearnerByIdNumberForStaff(null, { idNumber }))).toBe(
      `/admin/learners/${learner.id}`,
    );
    expect(await findLearnerByIdNumberForStaff(null, { idNumber: idNumber.slice(0, 10) })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
  });

  it("lists with filters, pages of 20, and each learner's state in the chosen year", async () => {
    const { people } = await cast();
    const db = getDb();
    const complete = await createLearner({
      name: "完成者",
      districtCode: "jiangan",
      startYear: YEAR,
      qualification: "SENIOR",
    });
    const partial = await createLearner({
      name: "进行者",
      districtCode: "jiangan",
      startYear: YEAR,
      employer: "汉口银行江岸支行",
    });
    for (const [learner, professional, publicCredits] of [
      [complete, 60, 30],
      [partial, 20, 0],
    ] as const) {
      for (const [category, credits] of [
        ["PROFESSIONAL", professional],
        ["PUBLIC", publicCredits],
      ] as const) {
        if (credits > 0) {
          await db.creditEntry.create({
            data: {
              learnerId: learner.id,
              year: YEAR,
              category,
              credits,
              source: "ADJUSTMENT",
              sourceKey: `t:${learner.id}:${category}`,
              note: "测试",
            },
          });
        }
      }
    }
    for (let i = 0; i < 21; i++) await createLearner({ districtCode: "wuchang", startYear: YEAR });
    const city = { ...people.city, mustChangePassword: false };
    const own = { ...people.own, mustChangePassword: false };

    const mine = await listLearners(own, {});
    expect(mine.total).toBe(4); // the cast's target and learner, and the two above
    const progress = new Map(mine.rows.map((r) => [r.name, r.year.progress]));
    expect(progress.get("完成者")).toBe("COMPLETE");
    expect(progress.get("进行者")).toBe("INCOMPLETE");
    expect(mine.rows.find((r) => r.id === complete.id)?.year).toMatchObject({
      totalCredits: 90,
      professionalCredits: 60,
    });
    expect(mine.rows.filter((r) => r.year.progress === "NOT_STARTED")).toHaveLength(2);
    expect(JSON.stringify(mine)).not.toMatch(FULL_ID_NUMBER);

    // A district administrator asking for another district gets nothing from it.
    expect((await listLearners(own, { district: String(await districtId("wuchang")) })).total).toBe(0);
    const all = await listLearners(city, {});
    expect([all.total, all.rows.length]).toEqual([25, 20]);
    expect(all.next).not.toBeNull();
    const page2 = await listLearners(city, { after: all.next });
    expect(page2.rows).toHaveLength(5);
    expect([page2.next, page2.previous === null]).toEqual([null, false]);
    expect(new Set([...all.rows, ...page2.rows].map((r) => r.id)).size).toBe(25);
    expect((await listLearners(city, { district: String(await districtId("wuchang")) })).total).toBe(21);
    expect((await listLearners(city, { name: "完成" })).rows.map((r) => r.id)).toEqual([complete.id]);
    expect((await listLearners(city, { name: "完成者" })).rows.map((r) => r.id)).toEqual([complete.id]);
    expect((await listLearners(city, { employer: "汉口银行" })).rows.map((r) => r.id)).toEqual([partial.id]);
    expect((await listLearners(city, { qualification: "SENIOR" })).rows.map((r) => r.id)).toEqual([complete.id]);
    expect((await listLearners(city, { status: "DISABLED" })).total).toBe(0);
    // Junk in the address bar is ignored, not an error.
    const junk = await listLearners(city, { after: "not-a-cursor", page: "-3", year: "abc", status: "X" });
    expect([junk.total, junk.rows.length, junk.previous]).toEqual([25, 20, null]);
  });

  it("shows study progress from verified time and exam attempts on the learner page", async () => {
    const { people, target } = await cast();
    const course = await createCourse({ title: "政府会计准则" });
    const lessons = await createLessons(course.id, [600, 600]);
    const enrollment = await createEnrollment(target.id, course.id);
    await getDb().lessonProgress.create({
      data: { enrollmentId: enrollment.id, lessonId: lessons[0]!.id, verifiedMs: 600_000, completedAt: new Date() },
    });
    await getDb().examAttempt.create({
      data: {
        enrollmentId: enrollment.id,
        learnerId: target.id,
        courseId: course.id,
        cycle: 1,
        number: 1,
        status: "SUBMITTED",
        deadline: new Date(),
        gradedAt: new Date(),
        score: 50,
        passed: false,
      },
    });
    const staff = { ...people.own, mustChangePassword: false };
    expect(await listLearnerEnrollments(staff, target.id)).toMatchObject([
      { status: "STUDYING", percent: 50, lessonCount: 2, course: { title: "政府会计准则" } },
    ]);
    expect(await listLearnerAttempts(staff, target.id)).toMatchObject([
      { number: 1, status: "SUBMITTED", score: 50, passed: false, enrollment: { course: { title: "政府会计准则" } } },
    ]);
  });

  it("never writes a full ID number into the audit log", async () => {
    const { people, target } = await cast();
    signInAs("staff", people.city.id);
    await registerLearnerByStaff(null, {
      idNumber: uniqueIdNumber(),
      name: "审计",
      districtId: String(await districtId("jiangan")),
      employer: "某单位",
      qualification: "中级",
      startYear: String(YEAR),
    }).catch(() => undefined);
    await updateLearnerByStaff(null, {
      learnerId: target.id,
      name: "审计改名",
      employer: "x",
      qualification: "无",
      startYear: String(YEAR),
    });
    // Free text typed by administrators may hold a number: it is masked before it is logged.
    const typed = uniqueIdNumber();
    await updateLearnerByStaff(null, {
      learnerId: target.id,
      name: "审计改名",
      employer: `单位${typed}`,
      qualification: "无",
      startYear: String(YEAR),
    });
    await recordLearnerActivityByStaff(null, {
      learnerId: target.id,
      year: String(YEAR),
      category: "PUBLIC",
      activityType: "PAPER_OTHER",
      note: `论文，作者身份证号 ${typed}`,
    });
    await recordLearnerAdjustmentByStaff(null, {
      learnerId: target.id,
      year: String(YEAR),
      category: "PUBLIC",
      credits: "-1",
      reason: `更正 ${typed}`,
    });
    await setLearnerStatusByStaff(null, { learnerId: target.id, status: "DISABLED", reason: `身份证号应为 ${typed}` });
    await transferLearnerByStaff(null, { learnerId: target.id, districtId: String(await districtId("wuchang")) });
    await findLearnerByIdNumberForStaff(null, { idNumber: uniqueIdNumber() });
    const entries = await getDb().auditLog.findMany();
    expect(entries.length).toBeGreaterThanOrEqual(8);
    for (const entry of entries) expect(JSON.stringify(entry.details ?? {})).not.toMatch(FULL_ID_NUMBER);
  });
});
