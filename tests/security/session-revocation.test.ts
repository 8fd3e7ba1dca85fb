// Sessions the server has ended stop working at their next request, whatever copy of the cookie
// is presented: pages and actions (readSession), the exam endpoints, heartbeats (within their
// stated bound, at once on the instance that ended them). Real tokens and AuthSession rows.
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import {
  HEARTBEAT_RECHECK_MS,
  isSessionCurrent,
  openSession,
  revokeSession,
} from "../../src/server/auth/auth-sessions";
import { readSession } from "../../src/server/auth/config";
import { readActiveLearner } from "../../src/server/auth/read-active-learner";
import { getDb } from "../../src/server/db";
import { setLearnerStatus } from "../../src/server/learners/set-learner-status";
import { readBeatLearner } from "../../src/server/playback/read-beat-learner";
import { changeOwnPassword } from "../../src/server/staff/change-own-password";
import { createStaffUser } from "../../src/server/staff/create-staff-user";
import { endStaffSessions } from "../../src/server/staff/end-staff-sessions";
import { resetStaffPassword } from "../../src/server/staff/reset-staff-password";
import { setStaffActive } from "../../src/server/staff/set-staff-active";
import { createLearner, createStaff } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { SESSION_COOKIE, sessionToken } from "../support/session-cookie";

const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "127.0.0.1" }),
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));

const PASSWORD = "Qingshan-Lake-2031";

async function signedIn(kind: "learner" | "staff", id: string) {
  const { token, sessionId } = await sessionToken(kind, id);
  jar.clear();
  jar.set(SESSION_COOKIE, token);
  return { cookie: `${SESSION_COOKIE}=${token}`, sessionId };
}

beforeAll(async () => {
  await seedReferenceData(getDb());
});
beforeEach(async () => {
  await truncateData(inject("databaseUrl"));
  jar.clear();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("a session the server ended", () => {
  it("is refused by pages, actions and the exam endpoints at the next request", async () => {
    const learner = await createLearner();
    const { cookie, sessionId } = await signedIn("learner", learner.id);
    expect((await readSession())?.principal).toMatchObject({ kind: "learner", id: learner.id, sessionId });
    expect(await readActiveLearner(cookie)).toBe(learner.id);

    await revokeSession(sessionId);
    expect(await readSession()).toBeNull();
    expect(await readActiveLearner(cookie)).toBeNull();
    // Another sign-in of the same person is a session of its own.
    const again = await signedIn("learner", learner.id);
    expect((await readSession())?.principal.sessionId).toBe(again.sessionId);
  });

  it("is refused unless the server knows it, for its own subject, within 12 hours", async () => {
    const learner = await createLearner();
    const other = await createLearner();
    const { token } = await sessionToken("learner", learner.id, { claims: { sid: crypto.randomUUID() } });
    jar.set(SESSION_COOKIE, token);
    expect(await readSession()).toBeNull();
    // A session of someone else, its id put into a token for this learner.
    const theirs = await openSession("learner", other.id);
    const borrowed = await sessionToken("learner", learner.id, { claims: { sid: theirs } });
    jar.set(SESSION_COOKIE, borrowed.token);
    expect(await readSession()).toBeNull();
    expect(await readActiveLearner(`${SESSION_COOKIE}=${borrowed.token}`)).toBeNull();
    // A row older than the absolute limit no longer counts, whatever the token says.
    const { sessionId } = await signedIn("learner", learner.id);
    await getDb()
      .$executeRaw`UPDATE "AuthSession" SET "createdAt" = "createdAt" - interval '13 hours' WHERE "id" = ${sessionId}::uuid`;
    expect(await readSession()).toBeNull();
  });

  it("stops heartbeats at once on this instance, and within the stated bound when ended elsewhere", async () => {
    const learner = await createLearner();
    const here = await signedIn("learner", learner.id);
    expect(await readBeatLearner(here.cookie)).toBe(learner.id);
    await revokeSession(here.sessionId);
    expect(await readBeatLearner(here.cookie)).toBeNull();

    vi.useFakeTimers({ toFake: ["Date"] });
    const elsewhere = await signedIn("learner", learner.id);
    expect(await readBeatLearner(elsewhere.cookie)).toBe(learner.id);
    // Another instance ends it: this one's remembered answer holds until the bound, no longer.
    await getDb().$executeRaw`UPDATE "AuthSession" SET "revokedAt" = now() WHERE "id" = ${elsewhere.sessionId}::uuid`;
    expect(await readBeatLearner(elsewhere.cookie)).toBe(learner.id);
    vi.setSystemTime(Date.now() + HEARTBEAT_RECHECK_MS);
    expect(await readBeatLearner(elsewhere.cookie)).toBeNull();
  });
});

describe("account changes end every session of the account", () => {
  it("a disabled learner's sessions, all of them", async () => {
    const learner = await createLearner();
    const city = await createStaff({ role: "CITY_ADMIN" });
    const phone = await signedIn("learner", learner.id);
    const desk = await signedIn("learner", learner.id);
    await setLearnerStatus({ ...city, mustChangePassword: false }, { learnerId: learner.id, status: "DISABLED" }, null);
    expect(await isSessionCurrent(phone.sessionId, learner.id)).toBe(false);
    expect(await isSessionCurrent(desk.sessionId, learner.id)).toBe(false);
    await getDb().learner.update({ where: { id: learner.id }, data: { status: "ACTIVE" } });
    expect(await readActiveLearner(desk.cookie)).toBeNull(); // re-enabled: sign in again
  });

  it("a staff member's own password change, a reset, a deactivation, and an administrator ending them (audited)", async () => {
    const city = await createStaff({ role: "CITY_ADMIN" });
    const kefu = await createStaffUser({
      username: "kefu01",
      displayName: "客服",
      role: "SUPPORT",
      districtId: null,
      password: PASSWORD,
      createdById: city.id,
    });
    const sessions = async () => [await signedIn("staff", kefu.id), await signedIn("staff", kefu.id)];
    const allEnded = async (list: { sessionId: string }[]) => {
      for (const { sessionId } of list) expect(await isSessionCurrent(sessionId, kefu.id)).toBe(false);
    };

    let open = await sessions();
    await changeOwnPassword(kefu.id, { currentPassword: PASSWORD, newPassword: "Donghu-Park-2032!" }, null);
    await allEnded(open);

    open = await sessions();
    await resetStaffPassword(city, { staffId: kefu.id, password: "Yellow-Crane-2033!" }, null);
    await allEnded(open);

    open = await sessions();
    expect(await endStaffSessions(city, { staffId: kefu.id }, "198.51.100.7")).toEqual({ ended: 2 });
    await allEnded(open);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "staff.sessions.end" } });
    expect(audit).toMatchObject({ actorId: city.id, targetId: kefu.id, outcome: "SUCCESS" });
    expect(audit.details).toMatchObject({ username: "kefu01", sessionsEnded: 2 });

    open = await sessions();
    await setStaffActive(city, { staffId: kefu.id, active: "false" }, null);
    await allEnded(open);
  });

  it("lets only the city office end another account's sessions, never its own", async () => {
    const city = await createStaff({ role: "CITY_ADMIN" });
    const district = await createStaff({ role: "DISTRICT_ADMIN" });
    const support = await createStaff({ role: "SUPPORT" });
    const { sessionId } = await signedIn("staff", support.id);
    for (const actor of [district, support]) {
      await expect(endStaffSessions(actor, { staffId: support.id }, null)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(endStaffSessions(city, { staffId: city.id }, null)).rejects.toMatchObject({ code: "SELF" });
    expect(await isSessionCurrent(sessionId, support.id)).toBe(true);
  });
});
