import { describe, expect, it } from "vitest";
import {
  ACTIVITY_TYPE_RULES,
  ACTIVITY_TYPES,
  CREDIT_CATEGORY_LABELS,
  defaultActivityCredits,
  explainYear,
  formatHours,
  learnerStanding,
  obligationYears,
  policyForYear,
  summarizeYear,
  type CreditCategory,
  type CreditLine,
  type CreditPolicyRow,
  type YearSummary,
} from "../../src/domain/credits";

const prof = (year: number, credits: number): CreditLine => ({ year, category: "PROFESSIONAL", credits });
const pub = (year: number, credits: number): CreditLine => ({ year, category: "PUBLIC", credits });

const POLICY_2027: CreditPolicyRow[] = [
  { fromYear: 2018, requiredTotal: 90, requiredProfessional: 60, creditsPerHour: 3 },
  { fromYear: 2027, requiredTotal: 100, requiredProfessional: 70, creditsPerHour: 3 },
];

describe("summarizeYear", () => {
  it.each<[string, CreditLine[], Partial<YearSummary>]>([
    ["nothing", [], { totalCredits: 0, complete: false, missingTotal: 90, missingProfessional: 60 }],
    [
      "exactly 90 with 59 professional",
      [prof(2025, 59), pub(2025, 31)],
      { totalCredits: 90, complete: false, missingTotal: 0, missingProfessional: 1 },
    ],
    [
      "120 public only",
      [pub(2025, 120)],
      { totalCredits: 120, publicCredits: 120, complete: false, missingTotal: 0, missingProfessional: 60 },
    ],
    [
      "60 professional + 30 public",
      [prof(2025, 60), pub(2025, 30)],
      { totalCredits: 90, complete: true, missingTotal: 0, missingProfessional: 0 },
    ],
    ["90 professional", [prof(2025, 90)], { totalCredits: 90, professionalCredits: 90, complete: true }],
    [
      "60 professional only",
      [prof(2025, 60)],
      { totalCredits: 60, complete: false, missingTotal: 30, missingProfessional: 0 },
    ],
    [
      "a reversal drops a complete year back",
      [prof(2025, 60), pub(2025, 30), prof(2025, -15)],
      { totalCredits: 75, professionalCredits: 45, complete: false, missingTotal: 15, missingProfessional: 15 },
    ],
    [
      "surplus stays in its year",
      [prof(2025, 150), pub(2025, 60)],
      { totalCredits: 210, complete: true, missingTotal: 0, missingProfessional: 0 },
    ],
    [
      "other years are ignored",
      [prof(2024, 90), pub(2026, 90), pub(2025, 12)],
      { totalCredits: 12, professionalCredits: 0, publicCredits: 12 },
    ],
  ])("%s", (_name, lines, expected) => {
    expect(summarizeYear(lines, 2025)).toMatchObject({ year: 2025, ...expected });
  });

  it("returns exactly the contract's fields", () => {
    expect(summarizeYear([prof(2025, 42)], 2025)).toEqual({
      year: 2025,
      totalCredits: 42,
      professionalCredits: 42,
      publicCredits: 0,
      hours: 14,
      complete: false,
      missingTotal: 48,
      missingProfessional: 18,
    });
  });

  it("computes hours as credits / 3, unrounded", () => {
    expect(summarizeYear([pub(2025, 10)], 2025).hours).toBeCloseTo(10 / 3, 12);
    expect(summarizeYear([pub(2025, 90)], 2025).hours).toBe(30);
  });

  it("works for any year, even before the rules began", () => {
    expect(summarizeYear([prof(2015, 90)], 2015)).toMatchObject({ totalCredits: 90, complete: true });
  });

  it("refuses fractional credits", () => {
    expect(() => summarizeYear([pub(2025, 1.5)], 2025)).toThrow(RangeError);
  });

  it("applies a later policy only from its year, and accepts a single row", () => {
    const lines = [prof(2026, 60), pub(2026, 30), prof(2027, 60), pub(2027, 30)];
    expect(summarizeYear(lines, 2026, POLICY_2027).complete).toBe(true);
    expect(summarizeYear(lines, 2027, POLICY_2027)).toMatchObject({
      complete: false,
      missingTotal: 10,
      missingProfessional: 10,
    });
    const single = { fromYear: 2018, requiredTotal: 30, requiredProfessional: 0, creditsPerHour: 5 };
    expect(summarizeYear([pub(2025, 30)], 2025, single)).toMatchObject({ complete: true, hours: 6 });
    const everyYear = { requiredTotal: 30, requiredProfessional: 20, creditsPerHour: 5 };
    expect(summarizeYear([pub(2010, 30)], 2010, everyYear)).toMatchObject({ complete: false, missingProfessional: 20 });
  });
});

describe("policyForYear", () => {
  it.each([
    [2018, 90],
    [2026, 90],
    [2027, 100],
    [2040, 100],
    [2010, 90], // before the first row: the first row
  ])("year %i requires %i", (year, total) => {
    expect(policyForYear(POLICY_2027, year).requiredTotal).toBe(total);
  });

  it("does not depend on the order of the rows", () => {
    expect(policyForYear([...POLICY_2027].reverse(), 2030).requiredTotal).toBe(100);
  });

  it.each<[string, CreditPolicyRow[]]>([
    ["an empty schedule", []],
    ["two rows of one year", [POLICY_2027[0]!, { ...POLICY_2027[0]! }]],
    ["professional above total", [{ fromYear: 2018, requiredTotal: 50, requiredProfessional: 60, creditsPerHour: 3 }]],
    ["zero credits per hour", [{ fromYear: 2018, requiredTotal: 90, requiredProfessional: 60, creditsPerHour: 0 }]],
  ])("refuses %s", (_name, rows) => {
    expect(() => policyForYear(rows, 2025)).toThrow(RangeError);
  });
});

describe("learnerStanding", () => {
  const complete = (year: number) => [prof(year, 60), pub(year, 30)];

  it.each<[string, CreditLine[], { startYear: number; currentYear: number }, number[], number | null, number | null]>([
    ["a new learner: the start year is active", [], { startYear: 2026, currentYear: 2026 }, [2026], 2026, 2026],
    ["prior year first", complete(2026), { startYear: 2025, currentYear: 2026 }, [2025, 2026], 2025, 2025],
    [
      "earlier year complete: the next one",
      complete(2024),
      { startYear: 2024, currentYear: 2026 },
      [2024, 2025, 2026],
      2025,
      2025,
    ],
    [
      "all complete: the current year, as surplus",
      [...complete(2025), ...complete(2026)],
      { startYear: 2025, currentYear: 2026 },
      [2025, 2026],
      null,
      2026,
    ],
    [
      "a start year before 2018 starts in 2018",
      [],
      { startYear: 2015, currentYear: 2020 },
      [2018, 2019, 2020],
      2018,
      2018,
    ],
    ["a start year in the future", complete(2027), { startYear: 2027, currentYear: 2026 }, [], null, null],
    ["a current year before 2018", [], { startYear: 2010, currentYear: 2017 }, [], null, null],
  ])("%s", (_name, lines, opts, years, activeYear, creditYear) => {
    const standing = learnerStanding(lines, opts);
    expect(standing.years.map((y) => y.year)).toEqual(years);
    expect(standing.activeYear).toBe(activeYear);
    expect(standing.creditYear).toBe(creditYear);
  });

  it("never carries a surplus to the next year", () => {
    const standing = learnerStanding([prof(2025, 200), pub(2025, 100)], { startYear: 2025, currentYear: 2026 });
    expect(standing.years[1]).toMatchObject({ year: 2026, totalCredits: 0, complete: false });
    expect(standing.activeYear).toBe(2026);
  });

  it("ignores lines outside the obligation years", () => {
    const standing = learnerStanding([...complete(2017), ...complete(2027), pub(2024, 30)], {
      startYear: 2015,
      currentYear: 2026,
    });
    expect(standing.years[0]?.year).toBe(2018);
    expect(standing.years.reduce((sum, y) => sum + y.totalCredits, 0)).toBe(30);
    expect(standing.activeYear).toBe(2018);
  });

  it("goes back to a year that a reversal made incomplete", () => {
    const lines = [...complete(2024), ...complete(2025), prof(2024, -1)];
    expect(learnerStanding(lines, { startYear: 2024, currentYear: 2026 })).toMatchObject({
      activeYear: 2024,
      creditYear: 2024,
    });
  });

  it("judges each year by the policy in force that year", () => {
    const lines = [...complete(2026), ...complete(2027)];
    const standing = learnerStanding(lines, { startYear: 2026, currentYear: 2027 }, POLICY_2027);
    expect(standing.years.map((y) => y.complete)).toEqual([true, false]);
    expect(standing.activeYear).toBe(2027);
    expect(standing.years[1]).toMatchObject({ missingTotal: 10, missingProfessional: 10 });
  });
});

describe("obligationYears", () => {
  it.each([
    [2024, 2026, [2024, 2025, 2026]],
    [2000, 2019, [2018, 2019]],
    [2027, 2026, []],
  ])("from %i to %i", (startYear, currentYear, years) => {
    expect(obligationYears(startYear, currentYear)).toEqual(years);
  });
});

describe("explainYear", () => {
  const explain = (lines: CreditLine[]) => explainYear(summarizeYear(lines, 2025));
  it.each<[string, CreditLine[], string]>([
    ["complete", [prof(2025, 60), pub(2025, 36)], "已完成：共 96 学分（专业科目 60 学分）"],
    ["both missing", [prof(2025, 30), pub(2025, 12)], "还需 48 学分，其中专业科目 30 学分"],
    ["both missing, small", [prof(2025, 50), pub(2025, 28)], "还需 12 学分，其中专业科目 10 学分"],
    ["nothing yet", [], "还需 90 学分，其中专业科目 60 学分"],
    ["only the total missing", [prof(2025, 60)], "还需 30 学分"],
    ["only professional missing", [pub(2025, 120)], "还需专业科目 60 学分"],
    ["exactly 90 with 59 professional", [prof(2025, 59), pub(2025, 31)], "还需专业科目 1 学分"],
    // 80 public credits: 10 more would reach 90, but 60 professional are needed, which is 60 more.
    ["professional gap larger than the total gap", [pub(2025, 80)], "还需 60 学分，其中专业科目 60 学分"],
  ])("%s", (_name, lines, text) => {
    expect(explain(lines)).toBe(text);
  });
});

describe("formatHours", () => {
  it.each([
    [14, "14.0"],
    [30, "30.0"],
    [0, "0.0"],
    [10 / 3, "3.3"],
    [20 / 3, "6.7"],
    [-0, "0.0"],
  ])("%d hours → %s", (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });

  it("formats the hours of a summary", () => {
    expect(formatHours(summarizeYear([prof(2025, 42)], 2025).hours)).toBe("14.0");
    expect(formatHours(summarizeYear([prof(2025, 95)], 2025).hours)).toBe("31.7");
  });
});

describe("activity types and labels", () => {
  it.each([
    ["QUALIFICATION_EXAM", 90],
    ["DEGREE_COURSE", 90],
    ["RESEARCH_LEAD", 90],
    ["RESEARCH_MEMBER", 60],
    ["PAPER_FIRST", 30],
    ["PAPER_OTHER", 10],
    ["BOOK_FIRST", 90],
    ["BOOK_OTHER", 60],
  ] as const)("%s defaults to %i credits", (type, credits) => {
    expect(defaultActivityCredits(type)).toBe(credits);
  });

  it("counts a conference at 10 credits a day and OTHER has no default", () => {
    expect(defaultActivityCredits("CONFERENCE", 2)).toBe(20);
    expect(defaultActivityCredits("CONFERENCE")).toBeNull();
    expect(defaultActivityCredits("OTHER")).toBeNull();
  });

  it("labels every activity type and category in Chinese", () => {
    expect(ACTIVITY_TYPES).toHaveLength(10);
    for (const type of ACTIVITY_TYPES) expect(ACTIVITY_TYPE_RULES[type].label).toMatch(/\p{Script=Han}/u);
    const labels: Record<CreditCategory, string> = { PUBLIC: "公需科目", PROFESSIONAL: "专业科目" };
    expect(CREDIT_CATEGORY_LABELS).toEqual(labels);
  });
});
