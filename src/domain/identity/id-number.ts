/**
 * Resident identity card numbers (GB 11643-1999), as typed by learners at
 * login/registration and as found in imported spreadsheets.
 *
 * Pure module: no I/O and no Node-only APIs, so the browser can run the same
 * checks as the server and show the same messages.
 */
import { todayInShanghai } from "@/lib/time";

export type TGender = "M" | "F";

export type TParsedIdNumber =
  { ok: true; value: string; birthDate: string; gender: TGender } | { ok: false; reason: string };

export interface IParseIdNumberOptions {
  /** YYYY-MM-DD; defaults to the current date in Asia/Shanghai. */
  today?: string;
}

export const ID_NUMBER_REASONS = {
  empty: "请输入身份证号",
  length: "身份证号应为18位",
  characters: "身份证号只能包含数字，最后一位可以是X",
  area: "身份证号的地区代码不正确",
  birthDate: "身份证号中的出生日期不正确",
  checkCharacter: "身份证号校验位不正确，请核对最后一位",
} as const;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = "10X98765432";

// Mainland provinces, plus 71 (Taiwan) and 81/82/83 (residence permits for
// Hong Kong, Macao and Taiwan residents, which use the same 18-char format).
// prettier-ignore
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  "11", "12", "13", "14", "15",
  "21", "22", "23",
  "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46",
  "50", "51", "52", "53", "54",
  "61", "62", "63", "64", "65",
  "71", "81", "82", "83",
]);

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Check character for the first 17 digits (expects exactly 17 ASCII digits). */
export function computeCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError("computeCheckCharacter expects exactly 17 digits");
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARACTERS.charAt(sum % 11);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Returns YYYY-MM-DD when the 8 digits are a real date in [1900-01-01, today]. */
function toBirthDate(yyyymmdd: string, today: string): string | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  // Zero-padded ISO dates compare correctly as strings.
  return iso <= today ? iso : null;
}

/**
 * Canonical input form: full-width digits/letters to ASCII (NFKC), all
 * whitespace removed (people paste numbers grouped as "420102 19850312 1238"),
 * lower-case x to X.
 */
function canonicalize(input: string): string {
  return input.normalize("NFKC").replace(/\s+/gu, "").toUpperCase();
}

export function parseIdNumber(input: string, options: IParseIdNumberOptions = {}): TParsedIdNumber {
  const today = options.today ?? todayInShanghai();
  if (!DATE_PATTERN.test(today)) {
    // A programming error, not a user error: fail loudly.
    throw new RangeError(`parseIdNumber: today must be YYYY-MM-DD, got "${today}"`);
  }

  const raw = canonicalize(input);
  if (raw === "") return { ok: false, reason: ID_NUMBER_REASONS.empty };
  // Stray characters first: "420102-1985..." is better told about the dash
  // than about its length.
  if (!/^[\dX]+$/.test(raw)) return { ok: false, reason: ID_NUMBER_REASONS.characters };
  // The 15-digit legacy form is still accepted but no longer advertised.
  if (raw.length !== 18 && raw.length !== 15) return { ok: false, reason: ID_NUMBER_REASONS.length };

  const isLegacy = raw.length === 15;
  // X is only the check character, so it may only be the last of 18.
  if (isLegacy ? !/^\d{15}$/.test(raw) : !/^\d{17}[\dX]$/.test(raw)) {
    return { ok: false, reason: ID_NUMBER_REASONS.characters };
  }

  // Legacy numbers: 6-digit area, YYMMDD (always 19YY), 3-digit sequence.
  const first17 = isLegacy ? `${raw.slice(0, 6)}19${raw.slice(6)}` : raw.slice(0, 17);

  // Area and date are checked before the check character so that a mistyped
  // digit there gets the more specific message.
  if (!PROVINCE_CODES.has(first17.slice(0, 2))) return { ok: false, reason: ID_NUMBER_REASONS.area };

  const birthDate = toBirthDate(first17.slice(6, 14), today);
  if (birthDate === null) return { ok: false, reason: ID_NUMBER_REASONS.birthDate };

  const checkCharacter = computeCheckCharacter(first17);
  if (!isLegacy && raw.charAt(17) !== checkCharacter) {
    return { ok: false, reason: ID_NUMBER_REASONS.checkCharacter };
  }

  const gender: TGender = Number(first17.charAt(16)) % 2 === 1 ? "M" : "F";
  return { ok: true, value: first17 + checkCharacter, birthDate, gender };
}

/**
 * Display form: first 4 and last 4 characters kept, the rest masked, so an
 * 18-char number shows as 4201**********1238. Strings of 8 characters or
 * fewer are masked entirely: keeping 4 + 4 would reveal all of them.
 */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return "*".repeat(value.length);
  return value.slice(0, 4) + "*".repeat(value.length - 8) + value.slice(-4);
}

/**
 * The form a certificate prints (学时证明): the six-digit region code stays readable for the
 * verifier, 420102********1238. Shorter strings fall back to maskIdNumber.
 */
export function maskIdNumberForCertificate(value: string): string {
  if (value.length < 15) return maskIdNumber(value);
  return value.slice(0, 6) + "*".repeat(value.length - 10) + value.slice(-4);
}
