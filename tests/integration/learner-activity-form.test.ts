// 登记其他学分 through the administrators' action: its schema is derived from the ledger's
// (ZRecordActivityCreditsInput), so a form's mistakes come back with the ledger's own messages,
// whether a field's rule or a rule between fields (checked when recording), and nothing is written.
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { currentYear } from "../../src/lib/time";
import { recordLearnerActivityByStaff } from "../../src/server/actions/learners";
import { getDb } from "../../src/server/db";
import { createLearner, createStaff } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { signInAs, signOutAll } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const YEAR = currentYear();

beforeAll(async () => {
  await seedReferenceData(getDb());
});

beforeEach(async () => {
  await truncateData(inject("databaseUrl"));
  signOutAll();
});

async function form(fields: Record<string, string>) {
  const city = await createStaff({ role: "CITY_ADMIN" });
  const learner = await createLearner({ startYear: YEAR });
  signInAs("staff", city.id);
  const base = { learnerId: learner.id, year: String(YEAR), category: "PROFESSIONAL", note: "论文" };
  return { result: await recordLearnerActivityByStaff(null, { ...base, ...fields }), city, learner };
}

describe("the activity credits form", () => {
  it("records a conference from its days, the form's empty credits not given", async () => {
    const { result, city } = await form({ activityType: "CONFERENCE", days: "3", credits: "" });
    expect(result).toMatchObject({ ok: true, data: { credits: 30, year: YEAR, alreadyRecorded: false } });
    const [entry] = await getDb().creditEntry.findMany();
    // Who recorded it is the session's, whatever the form says.
    expect(entry).toMatchObject({ recordedById: city.id, activityType: "CONFERENCE", credits: 30 });
  });

  it("ignores a recordedById sent with the form", async () => {
    const { result, city } = await form({ activityType: "PAPER_FIRST", recordedById: "someone-else" });
    expect(result).toMatchObject({ ok: true, data: { credits: 30 } });
    expect((await getDb().creditEntry.findFirstOrThrow()).recordedById).toBe(city.id);
  });

  it.each<[string, Record<string, string>, Record<string, string[]>]>([
    ["zero credits", { activityType: "PAPER_FIRST", credits: "0" }, { credits: ["学分应大于0"] }],
    ["credits that are not a number", { activityType: "PAPER_FIRST", credits: "三十" }, { credits: ["学分应为整数"] }],
    ["too many credits", { activityType: "OTHER", credits: "361" }, { credits: ["单项学分不能超过 360"] }],
    ["too many days", { activityType: "CONFERENCE", days: "31" }, { days: ["天数不能超过30天"] }],
    ["an empty note", { activityType: "PAPER_FIRST", note: "  " }, { note: ["请填写说明（如会议名称、论文题目）"] }],
    ["days for a paper", { activityType: "PAPER_FIRST", days: "2" }, { days: ["只有会计类专业会议按天计算学分"] }],
    ["OTHER without credits", { activityType: "OTHER", credits: "" }, { credits: ["请填写学分"] }],
    ["a conference without days", { activityType: "CONFERENCE", days: "" }, { days: ["请填写会议天数或学分"] }],
  ])("refuses %s with the ledger's message", async (_name, fields, fieldErrors) => {
    const { result } = await form(fields);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors });
    expect(await getDb().creditEntry.count()).toBe(0);
  });
});
