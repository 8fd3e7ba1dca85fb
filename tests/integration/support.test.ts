// The support console on real PostgreSQL: lookups (exact ID number only, masked results, each
// audited with its reason), the learner's playback view behind a lookup or a report, tickets,
// the overview's aggregates, and the limits: support reaches no admin or learner action and
// changes no learner data; learners and anonymous callers reach no support action.
import { readdirSync } from "node:fs";
import pg from "pg";
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { seedReferenceData } from "../../prisma/seed";
import { MyReports } from "../../src/app/(learner)/help/my-reports";
import { addNoteToTicket, lookupLearner, setTicketStatus } from "../../src/server/actions/support";
import { currentYear } from "../../src/lib/time";
import { getDb } from "../../src/server/db";
import { beatLog } from "../../src/server/playback/beat-log";
import { fileProblemReport, ZProblemReportInput } from "../../src/server/playback/file-problem-report";
import { recordHeartbeat } from "../../src/server/playback/record-heartbeat";
import { reportPlayerError } from "../../src/server/playback/report-player-error";
import { startPlayback } from "../../src/server/playback/start-playback";
import { getLearnerPlaybackView } from "../../src/server/support/get-learner-playback-view";
import { getSupportOverview } from "../../src/server/support/get-support-overview";
import { findTicket } from "../../src/server/support/find-ticket";
import { listMyReports } from "../../src/server/support/list-my-reports";
import { listTickets, ZTicketQuery } from "../../src/server/support/list-tickets";
import { createStaffUser } from "../../src/server/staff/create-staff-user";
import {
  createCourse,
  createEnrollment,
  createLearner,
  createLessons,
  createPlayerError,
  createProblemReport,
  createStaff,
  recordCredits,
  SAMPLE_DIAGNOSTICS,
  uniqueIdNumber,
} from "../support/factories";
import { truncateData } from "../support/reset-database";
import { signInAs, signOutAll } from "../support/session-mock";
import { sql } from "../support/sql";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());
// Outside a request Next.js has no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const FULL_ID_NUMBER = /\d{17}[\dX]/;
const HOUR = 3_600_000;
const UA = SAMPLE_DIAGNOSTICS.userAgent;

const audits = (action: string) => getDb().auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

/** No full ID number anywhere in what support was given, nor in the whole audit log. */
async function expectNoFullIdNumber(...returned: unknown[]) {
  const text = JSON.stringify(returned, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
  expect(text).not.toMatch(FULL_ID_NUMBER);
  const log = await sql<{ text: string }>(`SELECT coalesce(string_agg(t::text, ' '), '') AS text FROM "AuditLog" t`);
  expect(log[0]?.text).not.toMatch(FULL_ID_NUMBER);
}

async function supportStaff(role: "SUPPORT" | "CITY_ADMIN" = "SUPPORT") {
  const staff = await createStaff({ role });
  signInAs("staff", staff.id);
  return { ...staff, mustChangePassword: false };
}

/** A learner who studied a 60 s lesson, with a jump, a replayed beat, a takeover and a report. */
async function learnerWithPlayback(overrides: Parameters<typeof createLearner>[0] = {}) {
  const learner = await createLearner(overrides);
  const course = await createCourse({ title: "会计职业道德" });
  const [lesson] = await createLessons(course.id, [60]);
  const enrollment = await createEnrollment(learner.id, course.id);
  const start = () =>
    startPlayback({ learnerId: learner.id, enrollmentId: enrollment.id, lessonId: lesson!.id, userAgent: UA });
  const { sessionId } = await start();
  const elapse = (ms: number) =>
    sql(
      `UPDATE "PlaybackSession" SET "lastBeatAt" = "lastBeatAt" - make_interval(secs => $2::float8 / 1000) WHERE id = $1`,
      [sessionId, ms],
    );
  await elapse(10_000);
  await recordHeartbeat(learner.id, { sessionId, seq: 1, positionMs: 10_000, event: "tick" });
  await recordHeartbeat(learner.id, { sessionId, seq: 1, positionMs: 10_000, event: "tick" }); // replayed
  await elapse(5_000);
  await recordHeartbeat(learner.id, { sessionId, seq: 2, positionMs: 50_000, event: "seek" }); // a jump
  await start(); // another tab takes over
  await beatLog.flush();
  await reportPlayerError(learner.id, { kind: "media", code: 4, courseId: course.id, lessonId: lesson!.id }, UA);
  const input = ZProblemReportInput.parse({
    enrollmentId: enrollment.id,
    lessonId: lesson!.id,
    description: "视频播放到一半就停了",
    diagnostics: JSON.stringify(SAMPLE_DIAGNOSTICS),
  });
  const { reference } = await fileProblemReport(learner.id, input);
  return { learner, course, lesson: lesson!, enrollment, sessionId, reference };
}

beforeAll(async () => {
  await seedReferenceData(getDb());
});

beforeEach(async () => {
  await beatLog.flush();
  await truncateData(inject("databaseUrl"));
  signOutAll();
});

describe("looking a learner up", () => {
  it("by reference, by full ID number only, by name and district: masked results, each lookup audited with why", async () => {
    const idNumber = uniqueIdNumber();
    const { learner, reference } = await learnerWithPlayback({ idNumber, name: "王小明" });
    const namesake = await createLearner({ name: "王小明" });
    const elsewhere = await createLearner({ name: "王小明", districtCode: "wuchang" });
    const staff = await supportStaff();
    const jiangan = await getDb().district.findUniqueOrThrow({ where: { code: "jiangan" } });
    const wuchang = await getDb().district.findUniqueOrThrow({ where: { code: "wuchang" } });

    const byReference = await lookupLearner(null, {
      by: "reference",
      reference: reference.toLowerCase().replace("-", " "),
    });
    expect(byReference).toMatchObject({
      ok: true,
      data: { by: "reference", report: { reference, status: "OPEN" }, learners: [{ id: learner.id, name: "王小明" }] },
    });
    const masked = `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`;
    expect(byReference.ok && byReference.data.learners[0]?.idNumberMasked).toBe(masked);

    const grouped = `${idNumber.slice(0, 6)} ${idNumber.slice(6, 14)} ${idNumber.slice(14)}`;
    const byId = await lookupLearner(null, { by: "idNumber", idNumber: grouped, reason: "学员来电：视频无法播放" });
    expect(byId).toMatchObject({ ok: true, data: { learners: [{ id: learner.id, idNumberMasked: masked }] } });
    // Partial numbers find nothing: there is no partial search at all.
    for (const partial of [idNumber.slice(0, 14), idNumber.slice(0, 15), idNumber.slice(4), idNumber.slice(0, 17)]) {
      const result = await lookupLearner(null, { by: "idNumber", idNumber: partial, reason: "学员来电咨询" });
      expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
      expect(result.ok ? null : result.fieldErrors?.idNumber).toHaveLength(1);
    }
    const unknown = await lookupLearner(null, { by: "idNumber", idNumber: uniqueIdNumber(), reason: "学员来电咨询" });
    expect(unknown).toMatchObject({ ok: true, data: { learners: [] } });
    // A reason is required for lookups by ID number or name; without one nothing is looked up.
    const noReason = await lookupLearner(null, { by: "idNumber", idNumber, reason: " " });
    expect(noReason).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { reason: [expect.any(String)] } });

    const byName = await lookupLearner(null, {
      by: "name",
      name: " 王小明 ",
      districtId: String(jiangan.id),
      reason: `核实身份 ${idNumber}`,
    });
    expect(byName.ok && byName.data.learners.map((l) => l.id).sort()).toEqual([learner.id, namesake.id].sort());
    const inWuchang = await lookupLearner(null, {
      by: "name",
      name: "王小明",
      districtId: wuchang.id,
      reason: "学员来电咨询",
    });
    expect(inWuchang.ok && inWuchang.data.learners.map((l) => l.id)).toEqual([elsewhere.id]);

    const logged = await audits("support.lookup");
    expect(logged.map((a) => [a.actorId, a.outcome, (a.details as { by: string }).by])).toEqual([
      [staff.id, "SUCCESS", "reference"],
      [staff.id, "SUCCESS", "idNumber"],
      [staff.id, "FAILURE", "idNumber"],
      [staff.id, "FAILURE", "idNumber"],
      [staff.id, "FAILURE", "idNumber"],
      [staff.id, "FAILURE", "idNumber"],
      [staff.id, "FAILURE", "idNumber"],
      [staff.id, "SUCCESS", "name"],
      [staff.id, "SUCCESS", "name"],
    ]);
    expect(logged[0]).toMatchObject({ targetType: "Learner", targetId: learner.id, details: { reference } });
    expect(logged[1]).toMatchObject({
      targetId: learner.id,
      details: { reason: "学员来电：视频无法播放", idNumberMasked: masked },
    });
    // The reason's ID number was masked before it reached the log.
    expect(logged[7]?.details).toMatchObject({
      reason: `核实身份 ${masked}`,
      name: "王小明",
      learnerIds: expect.any(Array),
    });
    await expectNoFullIdNumber(byReference, byId, unknown, byName, inWuchang);
  });
});

describe("a learner's playback view", () => {
  it("opens only from the staff member's own recent lookup or from a report, and audits every opening", async () => {
    const { learner, reference, course } = await learnerWithPlayback();
    const other = await createLearner();
    const otherReport = await createProblemReport(other.id);
    const staff = await supportStaff();
    const colleague = await createStaff({ role: "SUPPORT" });

    const found = await lookupLearner(null, { by: "reference", reference });
    if (!found.ok) throw new Error(found.message);
    const view = await getLearnerPlaybackView(
      staff,
      { learnerId: learner.id, lookupId: found.data.lookupId },
      "10.0.0.1",
    );
    if (view.status !== "ok") throw new Error(view.status);
    const [latest, first] = view.sessions;
    expect(latest?.stateLabel).toBe("正在播放");
    expect(first).toMatchObject({
      courseTitle: "会计职业道德",
      creditedMs: 10_000,
      verifiedMs: 10_000,
      durationMs: 60_000,
    });
    expect(first?.device).toMatchObject({ device: "电脑", browser: "Chrome 120", os: "Windows 10" });
    expect(first?.notices.map((n) => n.text)).toEqual(
      expect.arrayContaining([
        "另一个页面或设备开始播放，本次播放已停止计时",
        "检测到进度跳跃，跳过的部分未计入学习时间",
        "重复或乱序的心跳已忽略",
      ]),
    );
    expect(view.errors).toMatchObject([
      { kind: "视频解码或格式错误", detail: "视频格式不受支持或地址无效", courseTitle: course.title },
    ]);
    expect(view.reports[0]?.diagnostics.reach).toMatchObject({
      value: "可以访问（HTTP 206，用时 120 毫秒）",
      ok: true,
    });

    const byReport = await getLearnerPlaybackView(staff, { learnerId: learner.id, reference }, null);
    expect(byReport.status).toBe("ok");
    const refused = [
      await getLearnerPlaybackView(staff, { learnerId: learner.id }, null), // a bookmarked address
      await getLearnerPlaybackView(staff, { learnerId: other.id, lookupId: found.data.lookupId }, null), // found someone else
      await getLearnerPlaybackView(staff, { learnerId: learner.id, reference: otherReport.reference }, null),
      await getLearnerPlaybackView(
        { ...colleague, mustChangePassword: false },
        { learnerId: learner.id, lookupId: found.data.lookupId },
        null,
      ),
      await getLearnerPlaybackView(
        staff,
        { learnerId: learner.id, lookupId: found.data.lookupId },
        null,
        new Date(Date.now() + 5 * HOUR),
      ),
    ];
    expect(refused.map((r) => r.status)).toEqual(Array(5).fill("no-grant"));

    const views = await audits("support.learner.view");
    expect(views.map((a) => [a.actorId, a.targetId, a.outcome])).toEqual([
      [staff.id, learner.id, "SUCCESS"],
      [staff.id, learner.id, "SUCCESS"],
      [staff.id, learner.id, "DENIED"],
      [staff.id, other.id, "DENIED"],
      [staff.id, learner.id, "DENIED"],
      [colleague.id, learner.id, "DENIED"],
      [staff.id, learner.id, "DENIED"],
    ]);
    expect(views[0]?.details).toMatchObject({ via: "lookup", reason: `问题编号 ${reference}` });
    expect(views[1]?.details).toEqual({ via: "report", reference });
    await expectNoFullIdNumber(view, byReport);
  });
});

describe("tickets", () => {
  it("go open → in progress → resolved with notes, need a resolution to resolve, and every change is audited", async () => {
    const { learner, reference } = await learnerWithPlayback();
    const staff = await supportStaff();
    const status = async () => (await getDb().problemReport.findUniqueOrThrow({ where: { reference } })).status;

    const unresolved = await setTicketStatus(null, { reference, from: "OPEN", to: "RESOLVED", resolution: "" });
    expect(unresolved).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { resolution: ["请填写处理结果（学员可以看到）"] },
    });
    expect(await status()).toBe("OPEN");

    expect(
      await setTicketStatus(null, { reference, from: "OPEN", to: "IN_PROGRESS", note: "已电话联系学员" }),
    ).toMatchObject({
      ok: true,
      data: { reference, status: "IN_PROGRESS" },
    });
    // A second agent still looking at OPEN cannot overwrite what the first did.
    expect(
      await setTicketStatus(null, { reference, from: "OPEN", to: "RESOLVED", resolution: "已处理" }),
    ).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await setTicketStatus(null, { reference, from: "IN_PROGRESS", to: "IN_PROGRESS" })).toMatchObject({
      ok: false,
      code: "INVALID_TRANSITION",
    });
    expect(await addNoteToTicket(null, { reference, body: "建议学员换用 Chrome 浏览器" })).toMatchObject({ ok: true });
    const resolution = `已修复视频文件，请重新播放。身份证号 ${learner.idNumberMasked}`;
    expect(await setTicketStatus(null, { reference, from: "IN_PROGRESS", to: "RESOLVED", resolution })).toMatchObject({
      ok: true,
    });

    const ticket = await findTicket(staff, reference, null);
    expect(ticket).toMatchObject({ status: "RESOLVED", resolution, learner: { id: learner.id } });
    expect(ticket?.resolvedAt).toBeInstanceOf(Date);
    expect(ticket?.notes.map((n) => n.body)).toEqual(["已电话联系学员", "建议学员换用 Chrome 浏览器"]);
    expect(ticket?.sessions).toHaveLength(2);
    expect(ticket?.diagnostics.formats.map((f) => f.value)).toEqual(["支持", "支持", "不支持", "支持"]);

    // The learner sees it resolved, with the resolution.
    expect(await listMyReports(learner)).toMatchObject([{ reference, status: "RESOLVED", resolution }]);

    expect(await setTicketStatus(null, { reference, from: "RESOLVED", to: "IN_PROGRESS" })).toMatchObject({ ok: true });
    const reopened = await getDb().problemReport.findUniqueOrThrow({ where: { reference }, include: { notes: true } });
    expect(reopened).toMatchObject({ status: "IN_PROGRESS", resolution: null, resolvedAt: null });
    expect(reopened.notes.map((n) => n.body)).toContain(`重新处理。原处理结果：${resolution}`);

    const updates = await audits("support.ticket.update");
    expect(updates.map((a) => [a.actorId, a.targetId, (a.details as { to: string }).to])).toEqual([
      [staff.id, reference, "IN_PROGRESS"],
      [staff.id, reference, "RESOLVED"],
      [staff.id, reference, "IN_PROGRESS"],
    ]);
    expect(updates[1]?.details).toMatchObject({ from: "IN_PROGRESS", resolution, learnerId: learner.id });
    expect(await audits("support.ticket.note")).toMatchObject([{ actorId: staff.id, targetId: reference }]);
    expect(await audits("support.ticket.view")).toMatchObject([
      { actorId: staff.id, targetId: learner.id, details: { reference } },
    ]);
    await expectNoFullIdNumber(ticket);
  });

  it("are listed by status and age, and a learner sees only their own", async () => {
    const staff = await supportStaff();
    const a = await createLearner();
    const b = await createLearner();
    const now = new Date();
    const fresh = await createProblemReport(a.id, { createdAt: new Date(now.getTime() - 2 * HOUR) });
    const lastWeek = await createProblemReport(a.id, {
      createdAt: new Date(now.getTime() - 3 * 24 * HOUR),
      status: "IN_PROGRESS",
    });
    const old = await createProblemReport(b.id, { createdAt: new Date(now.getTime() - 10 * 24 * HOUR) });
    const done = await createProblemReport(b.id, { status: "RESOLVED", resolution: "已解决" });
    const refs = async (query: Record<string, string>) =>
      (await listTickets(staff, ZTicketQuery.parse(query), now)).tickets.map((t) => t.reference);

    expect(await refs({})).toEqual([old.reference, lastWeek.reference, fresh.reference]); // unresolved, oldest first
    expect(await refs({ status: "all", age: "24h" })).toEqual([done.reference, fresh.reference]);
    expect(await refs({ status: "active", age: "7d" })).toEqual([lastWeek.reference, fresh.reference]);
    expect(await refs({ status: "OPEN", age: "older" })).toEqual([old.reference]);
    expect(await refs({ status: "RESOLVED" })).toEqual([done.reference]);
    expect(await refs({ status: "bogus", age: "bogus" })).toEqual(await refs({}));

    expect((await listMyReports(a)).map((r) => r.reference)).toEqual([fresh.reference, lastWeek.reference]);
    // The /help section renders the signed-in learner's own reports, and nothing for anyone else.
    signInAs("learner", a.id);
    const html = renderToStaticMarkup(await MyReports());
    expect(html).toContain(fresh.reference);
    expect(html).toContain("处理中");
    expect(html).not.toContain(old.reference);
    signInAs("staff", staff.id);
    expect(await MyReports()).toBeNull();
    signOutAll();
    expect(await MyReports()).toBeNull();
    expect((await listMyReports(b)).map((r) => [r.reference, r.resolution])).toEqual([
      [done.reference, "已解决"],
      [old.reference, null],
    ]);
  });
});

describe("the overview", () => {
  it("counts player errors of the last 24 hours and 7 days by type, browser, course and lesson", async () => {
    const staff = await supportStaff();
    const [a, b] = [await createLearner(), await createLearner()];
    const course = await createCourse({ title: "新会计法" });
    const [lesson] = await createLessons(course.id, [600]);
    const now = new Date();
    const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
    const at = { courseId: course.id, lessonId: lesson!.id };
    for (const learner of [a, a, a, b]) await createPlayerError(learner.id, { ...at, occurredAt: ago(1) });
    await createPlayerError(b.id, { kind: "stall", browser: "Safari 17", occurredAt: ago(30) });
    await createPlayerError(b.id, { kind: "stall", browser: "Safari 17", occurredAt: ago(8 * 24) }); // too old
    await createProblemReport(a.id);
    await createProblemReport(b.id, { status: "IN_PROGRESS", createdAt: ago(48) });

    const overview = await getSupportOverview(staff, { now, maxAgeMs: 0 });
    expect(overview.errors).toEqual({ day: 4, week: 5, learners: { day: 2, week: 2 } });
    expect(overview.byKind.sort((x, y) => x.label.localeCompare(y.label))).toEqual(
      [
        { label: "视频解码或格式错误", day: 4, week: 4 },
        { label: "长时间缓冲（卡顿）", day: 0, week: 1 },
      ].sort((x, y) => x.label.localeCompare(y.label)),
    );
    expect(overview.byBrowser).toEqual(
      expect.arrayContaining([
        { label: "Chrome 120", day: 4, week: 4 },
        { label: "Safari 17", day: 0, week: 1 },
      ]),
    );
    expect(overview.byCourse).toEqual(
      expect.arrayContaining([
        { label: "新会计法", day: 4, week: 4 },
        { label: "（未关联课程）", day: 0, week: 1 },
      ]),
    );
    expect(overview.worstLessons).toMatchObject([
      { courseTitle: "新会计法", day: 4, week: 4, learners: { day: 2, week: 2 } },
    ]);
    expect(overview.tickets).toEqual({ open: 1, inProgress: 1, newDay: 1, newWeek: 2 });
  });
});

describe("the limits of support", () => {
  const SELF_OR_PUBLIC = new Set(["loginLearner", "logout", "loginStaff", "changePassword"]);

  /** Every exported action of src/server/actions except the support console's own. */
  async function allOtherActions() {
    const dir = new URL("../../src/server/actions/", import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !["action.ts", "support.ts"].includes(f));
    const actions: { name: string; run: (prev: unknown, input: Record<string, unknown>) => Promise<unknown> }[] = [];
    for (const file of files) {
      const mod = (await import(new URL(file, dir).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value === "function" && !SELF_OR_PUBLIC.has(name)) {
          actions.push({ name: `${file}:${name}`, run: value as (typeof actions)[number]["run"] });
        }
      }
    }
    return actions;
  }

  /** A digest of every table but the audit log: any change to any row shows. */
  async function snapshot() {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'
         AND tablename NOT IN ('AuditLog', '_prisma_migrations') ORDER BY tablename`,
      );
      const digests: Record<string, string | undefined> = {};
      for (const { name } of tables) {
        const { rows } = await client.query<{ digest: string }>(
          `SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
        );
        digests[name] = rows[0]?.digest;
      }
      return digests;
    } finally {
      await client.end();
    }
  }

  it("a support user reaches no admin or learner action, and no learner data changes", async () => {
    const { learner, course, lesson, enrollment, reference } = await learnerWithPlayback();
    const admin = await createStaff({ role: "CITY_ADMIN" });
    await recordCredits(learner.id, currentYear(), { professional: 30, public: 10 }, admin.id);
    const password = "Qingshan-Lake-2031";
    const support = await createStaffUser({
      username: "kefu-limits",
      displayName: "客服",
      role: "SUPPORT",
      districtId: null,
      password,
      createdById: null,
    });
    signInAs("staff", support.id);
    const plausible = {
      learnerId: learner.id,
      courseId: course.id,
      lessonId: lesson.id,
      enrollmentId: enrollment.id,
      reference,
      year: String(new Date().getFullYear()),
      credits: "90",
      category: "PROFESSIONAL",
      status: "DISABLED",
      name: "改名",
      districtId: "1",
      reason: "测试",
      note: "测试",
    };
    const before = await snapshot();
    expect(await getDb().creditEntry.count({ where: { learnerId: learner.id } })).toBe(2);
    const actions = await allOtherActions();
    expect(actions.map((a) => a.name)).toEqual(
      expect.arrayContaining(["enrollment.ts:startCourse", "playback.ts:startLessonPlayback"]),
    );
    const outcomes: Record<string, unknown> = {};
    for (const { name, run } of actions) {
      for (const input of [{}, plausible]) {
        try {
          const result = (await run(null, input)) as { ok: boolean; code?: string };
          if (result.ok || !["FORBIDDEN", "UNAUTHENTICATED"].includes(result.code ?? "")) outcomes[name] = result;
        } catch (error) {
          outcomes[name] = String(error); // e.g. a redirect after an action that ran
        }
      }
    }
    expect(outcomes).toEqual({});
    expect(await snapshot()).toEqual(before);
    await expectNoFullIdNumber();

    // The one thing support may change is their own password, and only their own.
    const { changePassword } = await import("../../src/server/actions/staff-session");
    const others = await getDb().staffUser.findMany({
      where: { id: { not: support.id } },
      omit: { passwordHash: false },
    });
    await expect(
      changePassword(null, {
        currentPassword: password,
        newPassword: "Hanyang-Bridge-1957",
        confirmPassword: "Hanyang-Bridge-1957",
        staffId: others[0]?.id,
      }),
    ).rejects.toMatchObject({ digest: expect.stringContaining("/support") });
    expect(
      await getDb().staffUser.findMany({ where: { id: { not: support.id } }, omit: { passwordHash: false } }),
    ).toEqual(others);
  });

  it("support actions refuse learners, anonymous callers, district administrators and pending password changes", async () => {
    const { learner, reference } = await learnerWithPlayback();
    const calls = [
      () => lookupLearner(null, { by: "reference", reference }),
      () => setTicketStatus(null, { reference, from: "OPEN", to: "IN_PROGRESS" }),
      () => addNoteToTicket(null, { reference, body: "备注" }),
    ];
    const codes = async () => Promise.all(calls.map(async (call) => ((await call()) as { code?: string }).code));

    signInAs("learner", learner.id);
    expect(await codes()).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"]);
    signOutAll();
    expect(await codes()).toEqual(["UNAUTHENTICATED", "UNAUTHENTICATED", "UNAUTHENTICATED"]);
    const district = await createStaff({ role: "DISTRICT_ADMIN" });
    signInAs("staff", district.id);
    expect(await codes()).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    const pending = await createStaff({ role: "SUPPORT" });
    await getDb().staffUser.update({ where: { id: pending.id }, data: { mustChangePassword: true } });
    signInAs("staff", pending.id);
    expect(await codes()).toEqual(Array(3).fill("PASSWORD_CHANGE_REQUIRED"));
    // The data functions check too, whoever calls them.
    await expect(findTicket({ ...district, mustChangePassword: false }, reference, null)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    expect(await getDb().problemReport.findUniqueOrThrow({ where: { reference } })).toMatchObject({ status: "OPEN" });
    expect(await getDb().problemNote.count()).toBe(0);
    expect(await getDb().auditLog.count({ where: { action: { startsWith: "support." } } })).toBe(0);

    // The city office works the console too.
    await supportStaff("CITY_ADMIN");
    expect(await codes()).toEqual([undefined, undefined, undefined]);
  });
});
