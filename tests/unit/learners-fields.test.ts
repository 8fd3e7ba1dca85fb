import { describe, expect, it } from "vitest";
import { CREDIT_CATEGORIES, summarizeYear } from "../../src/domain/credits";
import {
  checkLearnerFields,
  maskMobile,
  parseQualification,
  validateMobile,
  validateStartYear,
  yearProgress,
} from "../../src/domain/learners";

describe("parseQualification", () => {
  it.each([
    ["无", "NONE"],
    ["初级", "JUNIOR"],
    ["初级会计师", "JUNIOR"],
    [" 中级 职称", "INTERMEDIATE"],
    ["高级会计师", "SENIOR"],
    ["正高级会计师", "SENIOR"],
    ["SENIOR", "SENIOR"],
    ["junior", "JUNIOR"],
  ])("reads %s as %s", (text, level) => {
    expect(parseQualification(text)).toBe(level);
  });

  it.each(["", "注册会计师", "中级经济师", "特级"])("refuses %s", (text) => {
    expect(parseQualification(text)).toBeNull();
  });
});

describe("validateMobile", () => {
  it("takes no number as none, strips spaces, dashes and +86", () => {
    expect(validateMobile("")).toEqual({ ok: true, value: null });
    expect(validateMobile("+86 139-1234-5678")).toEqual({ ok: true, value: "13912345678" });
    expect(validateMobile("１３９１２３４５６７８")).toEqual({ ok: true, value: "13912345678" });
  });

  it.each(["1391234567", "23912345678", "027-85777762"])("refuses %s", (text) => {
    expect(validateMobile(text).ok).toBe(false);
  });
});

describe("validateStartYear", () => {
  it("accepts 2018 up to next year, with or without 年", () => {
    expect(validateStartYear("2018", 2026)).toEqual({ ok: true, value: 2018 });
    expect(validateStartYear("2027年", 2026)).toEqual({ ok: true, value: 2027 });
    expect(validateStartYear(2026, 2026)).toEqual({ ok: true, value: 2026 });
  });

  it.each([
    ["2017", "起始年度不能早于2018年"],
    ["2028", "起始年度不能晚于下一年度"],
    ["26", "起始年度应为四位数字年份，如 2026"],
    ["", "请填写起始年度"],
  ])("refuses %s", (text, reason) => {
    expect(validateStartYear(text, 2026)).toEqual({ ok: false, reason });
  });
});

describe("checkLearnerFields", () => {
  it("normalizes every field together", () => {
    expect(
      checkLearnerFields(
        { name: " 王 芳 ", employer: "  武昌区  实验小学 ", qualification: "中级", mobile: "", startYear: "2026" },
        2026,
      ),
    ).toEqual({
      ok: true,
      value: {
        name: "王 芳",
        employer: "武昌区 实验小学",
        qualification: "INTERMEDIATE",
        mobile: null,
        startYear: 2026,
      },
    });
  });

  it("reports every mistake by field", () => {
    expect(
      checkLearnerFields({ name: "", employer: "", qualification: "?", mobile: "1", startYear: "x" }, 2026),
    ).toEqual({
      ok: false,
      fieldErrors: {
        name: ["请输入姓名"],
        employer: ["请填写工作单位"],
        qualification: ["会计专业技术资格应为 无、初级、中级 或 高级"],
        mobile: ["手机号码应为以1开头的11位数字"],
        startYear: ["起始年度应为四位数字年份，如 2026"],
      },
    });
  });
});

describe("yearProgress", () => {
  const year = (credits: { PUBLIC?: number; PROFESSIONAL?: number }, y = 2025) =>
    summarizeYear(
      CREDIT_CATEGORIES.flatMap((category) => {
        const value = credits[category];
        return value === undefined ? [] : [{ year: y, category, credits: value }];
      }),
      y,
    );

  it.each([
    ["no credits", {}, "NOT_STARTED"],
    ["credits reversed to nothing", { PUBLIC: 0 }, "NOT_STARTED"],
    ["some credits", { PROFESSIONAL: 60 }, "INCOMPLETE"],
    ["90 with 60 professional", { PROFESSIONAL: 60, PUBLIC: 30 }, "COMPLETE"],
  ] as const)("%s → %s", (_what, credits, progress) => {
    expect(yearProgress(year(credits), 2024, 2026)).toBe(progress);
  });

  it("is not applicable before the learner's start year or after the current year", () => {
    expect(yearProgress(year({}, 2023), 2024, 2026)).toBe("NOT_APPLICABLE");
    expect(yearProgress(year({}, 2027), 2024, 2026)).toBe("NOT_APPLICABLE");
  });
});

describe("maskMobile", () => {
  it("keeps the first three and last four digits", () => {
    expect(maskMobile("13912345678")).toBe("139****5678");
    expect(maskMobile(null)).toBeNull();
  });
});
