// 登记其他学分 has one schema, the ledger's (ZRecordActivityCreditsInput): the administrators'
// form schema (ZLearnerActivityForm) is derived from it, only reading a form's text as numbers.
import { describe, expect, it } from "vitest";
import { ZRecordActivityCreditsInput } from "../../src/server/credits/record-activity-credits";
import { ZLearnerActivityForm } from "../../src/server/learners/record-learner-activity";

const VALID = {
  learnerId: "learner-1",
  year: 2026,
  category: "PROFESSIONAL",
  activityType: "PAPER_FIRST",
  note: "《会计研究》论文",
} as const;

/** Field → messages, for comparing two schemas' answers. */
function messages(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  const byField: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (byField[issue.path.join(".")] ??= []).push(issue.message);
  return byField;
}

describe("the activity credits form", () => {
  it("has exactly the ledger's fields but who records them (the session says)", () => {
    const ledger = Object.keys(ZRecordActivityCreditsInput.shape).filter((key) => key !== "recordedById");
    const parsed = ZLearnerActivityForm.parse({ ...VALID, credits: "30", days: "", idempotencyKey: "k", extra: 1 });
    expect(Object.keys(parsed).sort()).toEqual(ledger.filter((key) => key !== "days").sort());
    // A recordedById sent by the browser is dropped, not trusted.
    expect(ZLearnerActivityForm.parse({ ...VALID, recordedById: "someone-else" })).not.toHaveProperty("recordedById");
  });

  it("reads a form's text as numbers, an empty field as not given", () => {
    expect(
      ZLearnerActivityForm.parse({ ...VALID, year: "2026", credits: " 30 ", days: "", idempotencyKey: "form-1" }),
    ).toEqual({ ...VALID, year: 2026, credits: 30, idempotencyKey: "form-1" });
    expect(ZLearnerActivityForm.parse({ ...VALID, activityType: "CONFERENCE", days: "2", credits: "" })).toEqual({
      ...VALID,
      activityType: "CONFERENCE",
      days: 2,
    });
  });

  /** As a form sends them: numbers as text, a missing one as an empty field. */
  const asForm = (input: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(input).map(([key, value]) => [key, typeof value === "number" ? String(value) : (value ?? "")]),
    );

  it.each<[string, Record<string, unknown>]>([
    ["zero credits", { credits: 0 }],
    ["negative credits", { credits: -5 }],
    ["fractional credits", { credits: 1.5 }],
    ["credits above the typo guard", { credits: 361 }],
    ["too many days", { activityType: "CONFERENCE", days: 31, credits: 10 }],
    ["a year that is not a number", { year: Number.NaN }],
    ["no year", { year: undefined }],
    ["an empty note", { note: "   " }],
    ["a note too long", { note: "长".repeat(501) }],
    ["an unknown category and activity type", { category: "OTHER", activityType: "PARTY" }],
    ["a missing learner", { learnerId: "" }],
  ])("refuses %s with the ledger's own messages", (_name, override) => {
    const input = { ...VALID, ...override };
    const form = ZLearnerActivityForm.safeParse(asForm(input));
    const ledger = ZRecordActivityCreditsInput.safeParse({ ...input, recordedById: "staff-1" });
    expect(form.success).toBe(false);
    expect(messages(form)).toEqual(messages(ledger));
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["days for something else than a conference", { days: 2 }, "days"],
    ["a conference without days or credits", { activityType: "CONFERENCE" }, "days"],
    ["OTHER without credits", { activityType: "OTHER" }, "credits"],
  ])("leaves %s to the ledger's rules between fields (applied when recording)", (_name, override, field) => {
    const input = { ...VALID, ...override };
    expect(ZLearnerActivityForm.safeParse(asForm(input)).success).toBe(true);
    const ledger = ZRecordActivityCreditsInput.safeParse({ ...input, recordedById: "staff-1" });
    expect(Object.keys(messages(ledger))).toEqual([field]);
  });
});
