/**
 * The learner fields other than ID number and name (see domain/identity), checked the same way by
 * the registration form, the edit form and the bulk import, with the same Chinese reasons.
 */
import { RULES_START_YEAR } from "@/domain/credits";

export const EMPLOYER_MAX_LENGTH = 100;

export type TFieldCheck<T> = { ok: true; value: T } | { ok: false; reason: string };

/** 工作单位: required, whitespace collapsed. */
export function validateEmployer(input: string): TFieldCheck<string> {
  const value = input.normalize("NFKC").replace(/\s+/gu, " ").trim();
  if (value === "") return { ok: false, reason: "请填写工作单位" };
  if ([...value].length > EMPLOYER_MAX_LENGTH) {
    return { ok: false, reason: `工作单位不能超过${EMPLOYER_MAX_LENGTH}个字符` };
  }
  return { ok: true, value };
}

/** 手机号码: optional (empty gives null); 11 digits starting with 1[3-9], spaces and dashes ignored. */
export function validateMobile(input: string): TFieldCheck<string | null> {
  const value = input
    .normalize("NFKC")
    .replace(/[\s-]/gu, "")
    .replace(/^\+?86/u, "");
  if (value === "") return { ok: true, value: null };
  if (!/^1[3-9]\d{9}$/.test(value)) return { ok: false, reason: "手机号码应为以1开头的11位数字" };
  return { ok: true, value };
}

/**
 * 起始年度: the first year of the obligation. Not before the rules (2018), not after next year
 * (people registered in December for the coming year).
 */
export function validateStartYear(input: string | number, currentYear: number): TFieldCheck<number> {
  const text = String(input).normalize("NFKC").trim().replace(/年$/u, "");
  if (text === "") return { ok: false, reason: "请填写起始年度" };
  if (!/^\d{4}$/.test(text)) return { ok: false, reason: "起始年度应为四位数字年份，如 2026" };
  const year = Number(text);
  if (year < RULES_START_YEAR) return { ok: false, reason: `起始年度不能早于${RULES_START_YEAR}年` };
  if (year > currentYear + 1) return { ok: false, reason: "起始年度不能晚于下一年度" };
  return { ok: true, value: year };
}

/** A mobile number for the audit log: 138****5678 (the log keeps who changed it, not the number). */
export function maskMobile(value: string | null): string | null {
  if (value === null) return null;
  return value.length === 11 ? `${value.slice(0, 3)}****${value.slice(7)}` : "*".repeat(value.length);
}
