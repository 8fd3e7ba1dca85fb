// The authorization matrix of every server action: each principal calls each action directly
// (as a forged request would), and the gate must let through exactly the principals that the
// policy's matrix (src/server/policy/staff-permissions.ts) gives the requirement stated here for
// the action. The actions are found by reading src/server/actions/, so an action added without a
// row in this table fails the test. What each action then does with another district's records is
// proven per feature (admin-learners, admin-staff, admin-exports, admin-completion, support).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import type { StaffRole } from "../../src/generated/prisma/enums";
import type { ActionResult } from "../../src/lib/action-result";
import { getDb } from "../../src/server/db";
import { STAFF_PERMISSIONS, type StaffPermission } from "../../src/server/policy/staff-permissions";
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

// What each action requires: a staff permission of the policy's matrix, a learner, or nobody.
type Requirement = StaffPermission | "learner" | "public";
const POLICY: Record<string, Requirement> = {
  "courses.createCourse": "catalogue.edit",
  "courses.updateCourse": "catalogue.edit",
  "courses.updateExamSettings": "catalogue.edit",
  "courses.publishCourse": "catalogue.edit",
  "courses.retireCourse": "catalogue.edit",
  "courses.deleteCourse": "catalogue.edit",
  "courses.createLesson": "catalogue.edit",
  "courses.updateLesson": "catalogue.edit",
  "courses.moveLesson": "catalogue.edit",
  "courses.deleteLesson": "catalogue.edit",
  "courses.createQuestion": "catalogue.edit",
  "courses.updateQuestion": "catalogue.edit",
  "courses.setQuestionActive": "catalogue.edit",
  "courses.deleteQuestion": "catalogue.edit",
  "courses.importQuestions": "catalogue.edit",
  "districts.updateDistrictContactByStaff": "districts.contact.edit",
  "enrollment.startCourse": "learner",
  "exports.createExportBatchAction": "exports.create",
  "exports.recordBatchUploadAction": "exports.report",
  "exports.withdrawExportBatchAction": "exports.report",
  "exports.previewReceiptAction": "exports.report",
  "exports.importReceiptAction": "exports.report",
  "import.dryRunImport": "learners.import",
  "import.commitImportFile": "learners.import",
  "learners.registerLearnerByStaff": "learners.manage",
  "learners.updateLearnerByStaff": "learners.manage",
  "learners.setLearnerStatusByStaff": "learners.manage",
  "learners.transferLearnerByStaff": "learners.transfer",
  "learners.recordLearnerActivityByStaff": "learners.manage",
  "learners.recordLearnerAdjustmentByStaff": "learners.manage",
  "learners.findLearnerByIdNumberForStaff": "learners.manage",
  "certificates.revokeCertificateByStaff": "certificates.revoke",
  "certificates.reissueCertificateByStaff": "certificates.revoke",
  "playback.startLessonPlayback": "learner",
  "playback.reportPlaybackProblem": "learner",
  "session.loginLearner": "public",
  "session.logout": "public",
  "staff-session.loginStaff": "public",
  "staff-session.changePassword": "password.change",
  "staff.createStaffByAdmin": "staff.manage",
  "staff.setStaffActiveByAdmin": "staff.manage",
  "staff.resetStaffPasswordByAdmin": "staff.manage",
  "staff.endStaffSessionsByAdmin": "staff.manage",
  "support.lookupLearner": "support.use",
  "support.setTicketStatus": "support.use",
  "support.addNoteToTicket": "support.use",
};

// The matrix's answers that matter most, stated here too: the matrix itself must not drift.
const CITY_ONLY: StaffPermission[] = [
  "catalogue.edit",
  "exports.create",
  "exports.report",
  "learners.transfer",
  "staff.manage",
];
// District bureaus do not work the support console: playback problems are handled centrally.

const ROLE_OF: Partial<Record<Who, StaffRole>> = {
  city: "CITY_ADMIN",
  district: "DISTRICT_ADMIN",
  support: "SUPPORT",
  newStaff: "CITY_ADMIN",
  disabledStaff: "CITY_ADMIN",
};

/** What the gate must answer `who` for an action with this requirement. */
function expectedGate(requirement: Requirement, who: Who): string {
  if (requirement === "public") return "passed";
  if (requirement === "learner") return who === "learner" ? "passed" : "UNAUTHENTICATED";
  const role = ROLE_OF[who];
  if (!role || who === "disabledStaff") return "UNAUTHENTICATED";
  if (who === "newStaff" && requirement !== "password.change") return "PASSWORD_CHANGE_REQUIRED";
  return STAFF_PERMISSIONS[requirement].some((r) => r === role) ? "passed" : "FORBIDDEN";
}

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

  it("has a stated requirement for exactly the actions that exist", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(POLICY).sort());
  });

  it("keeps what only the city office may do to the city office", () => {
    for (const permission of CITY_ONLY) expect(STAFF_PERMISSIONS[permission]).toEqual(["CITY_ADMIN"]);
    expect(STAFF_PERMISSIONS["support.use"]).toEqual(["SUPPORT", "CITY_ADMIN"]);
  });

  it.each(WHO)("lets %s through only where the policy says", async (who) => {
    const answers: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const [name, action] of actions) {
      if (who === "anonymous") signOutAll();
      else signInAs(who.toLowerCase().includes("learner") ? "learner" : "staff", ids[who]);
      answers[name] = await gate(action);
      expected[name] = POLICY[name] ? expectedGate(POLICY[name], who) : "not in the policy";
    }
    expect(answers).toEqual(expected);
  });
});
