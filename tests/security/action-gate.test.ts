// The authorization matrix of every server action: each principal calls each action directly
// (as a forged request would), and the gate must let through exactly the principals stated here.
// The actions are found by reading src/server/actions/, so an action added without a row in
// this table fails the test. What each action then does with another district's records is
// proven per feature (admin-learners, admin-staff, admin-exports, admin-completion, support).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import type { ActionResult } from "../../src/lib/action-result";
import { getDb } from "../../src/server/db";
import { createLearner, createStaff } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { redirectTarget, signInAs, signOutAll } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const WHO = [
  "anonymous",
  "learner",
  "disabledLearner",
  "city",
  "district",
  "support",
  "newStaff",
  "disabledStaff",
] as const;
type Who = (typeof WHO)[number];

// Who gets past the gate (to input validation and the action's own checks).
const EVERYONE: Who[] = [...WHO];
const LEARNER: Who[] = ["learner"];
const CITY: Who[] = ["city"];
const ADMINS: Who[] = ["city", "district"];
const SUPPORT: Who[] = ["city", "support"];
const STAFF: Who[] = ["city", "district", "support", "newStaff"];

const POLICY: Record<string, Who[]> = {
  "courses.createCourse": CITY,
  "courses.updateCourse": CITY,
  "courses.updateExamSettings": CITY,
  "courses.publishCourse": CITY,
  "courses.retireCourse": CITY,
  "courses.deleteCourse": CITY,
  "courses.createLesson": CITY,
  "courses.updateLesson": CITY,
  "courses.moveLesson": CITY,
  "courses.deleteLesson": CITY,
  "courses.createQuestion": CITY,
  "courses.updateQuestion": CITY,
  "courses.setQuestionActive": CITY,
  "courses.deleteQuestion": CITY,
  "courses.importQuestions": CITY,
  "districts.updateDistrictContactByStaff": ADMINS,
  "enrollment.startCourse": LEARNER,
  "exports.createExportBatchAction": CITY,
  "import.dryRunImport": ADMINS,
  "import.commitImportFile": ADMINS,
  "learners.registerLearnerByStaff": ADMINS,
  "learners.updateLearnerByStaff": ADMINS,
  "learners.setLearnerStatusByStaff": ADMINS,
  "learners.transferLearnerByStaff": CITY,
  "learners.recordActivityByStaff": ADMINS,
  "learners.recordAdjustmentByStaff": ADMINS,
  "learners.findLearnerByIdNumberForStaff": ADMINS,
  "playback.startLessonPlayback": LEARNER,
  "playback.reportPlaybackProblem": LEARNER,
  "session.loginLearner": EVERYONE,
  "session.logout": EVERYONE,
  "staff-session.loginStaff": EVERYONE,
  "staff-session.changePassword": STAFF,
  "staff.createStaffByAdmin": CITY,
  "staff.setStaffActiveByAdmin": CITY,
  "staff.resetStaffPasswordByAdmin": CITY,
  "staff.endStaffSessionsByAdmin": CITY,
  "support.lookupLearner": SUPPORT,
  "support.setTicketStatus": SUPPORT,
  "support.addNoteToTicket": SUPPORT,
};

type Action = (previous: unknown, input: Record<string, unknown>) => Promise<ActionResult<unknown>>;

const ACTIONS_DIR = join(import.meta.dirname, "../../src/server/actions");

/** Every exported action, as "module.export". */
async function allActions(): Promise<Map<string, Action>> {
  const actions = new Map<string, Action>();
  for (const file of readdirSync(ACTIONS_DIR).filter((f) => f.endsWith(".ts") && f !== "action.ts")) {
    const exported = (await import(join(ACTIONS_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") actions.set(`${file.replace(/\.ts$/, "")}.${name}`, value as Action);
    }
  }
  return actions;
}

/** The gate's answer: refused (and how), or passed on to validation and the action itself. */
async function gate(action: Action): Promise<string> {
  const box: { result?: ActionResult<unknown> } = {};
  const redirected = await redirectTarget(async () => {
    box.result = await action(null, {});
  });
  if (redirected !== null || !box.result || box.result.ok) return "passed";
  const refusals = ["UNAUTHENTICATED", "FORBIDDEN", "PASSWORD_CHANGE_REQUIRED"];
  return refusals.includes(box.result.code) ? box.result.code : "passed";
}

describe("the gate of every server action", () => {
  let actions: Map<string, Action>;
  const ids = {} as Record<Exclude<Who, "anonymous">, string>;

  beforeAll(async () => {
    actions = await allActions();
    await seedReferenceData(getDb());
  });

  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
    ids.learner = (await createLearner()).id;
    ids.disabledLearner = (await createLearner({ status: "DISABLED" })).id;
    ids.city = (await createStaff({ role: "CITY_ADMIN" })).id;
    ids.district = (await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" })).id;
    ids.support = (await createStaff({ role: "SUPPORT" })).id;
    ids.newStaff = (await createStaff({ role: "CITY_ADMIN" })).id;
    ids.disabledStaff = (await createStaff({ role: "CITY_ADMIN" })).id;
    await getDb().staffUser.update({ where: { id: ids.newStaff }, data: { mustChangePassword: true } });
    await getDb().staffUser.update({ where: { id: ids.disabledStaff }, data: { active: false } });
  });

  it("has a stated policy for exactly the actions that exist", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(POLICY).sort());
  });

  it.each(WHO)("lets %s through only where the policy says", async (who) => {
    const answers: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const [name, action] of actions) {
      if (who === "anonymous") signOutAll();
      else signInAs(who.toLowerCase().includes("learner") ? "learner" : "staff", ids[who]);
      answers[name] = await gate(action);
      const allowed = POLICY[name]?.includes(who) ?? false;
      const staffGate = !["learner", "disabledLearner", "anonymous", "disabledStaff"].includes(who);
      expected[name] = allowed
        ? "passed"
        : who === "newStaff" && POLICY[name] !== LEARNER
          ? "PASSWORD_CHANGE_REQUIRED"
          : staffGate && POLICY[name] !== LEARNER
            ? "FORBIDDEN"
            : "UNAUTHENTICATED";
    }
    expect(answers).toEqual(expected);
  });
});
