/**
 * Learner names, used together with the ID number to log in. The same person
 * types their name in different ways (IME full-width letters, assorted middle
 * dots in minority and transliterated names), so every comparison and every
 * stored name goes through normalizeName first.
 */

export type TValidatedName = { ok: true; value: string } | { ok: false; reason: string };

export const NAME_REASONS = {
  empty: "请输入姓名",
  digits: "姓名中不能包含数字",
  tooLong: "姓名不能超过50个字符",
  invisible: "姓名中包含看不见或无法显示的字符（如控制符、零宽字符、文字方向符），请删除后重新输入",
} as const;

export const NAME_MAX_CODE_POINTS = 50;

export const MIDDLE_DOT = "\u00B7";

// Characters people use in place of U+00B7 in names such as 买买提·艾力.
// Applied after NFKC, which already maps U+FF65 to U+30FB and U+FF0E,
// U+2024 and U+FE52 to "." (the ASCII dot is handled separately below).
const MIDDLE_DOT_VARIANTS = /\s*[\u00B7\u0387\u16EB\u2022\u2027\u2219\u22C5\u2E31\u30FB\uA78F\uFF65]\s*/gu;

// An ASCII "." between two letters (spaces around it allowed) stands for the
// middle dot, as in 爱新觉罗.溥仪. The left letter is captured rather than
// matched by a lookbehind, which Safari before 16.4 cannot even parse.
const DOT_BETWEEN_LETTERS = /(\p{L})(\s*\.\s*)(?=(\p{L}))/gu;
const LATIN = /\p{Script=Latin}/u;

/**
 * Canonical name: NFKC, trimmed, whitespace runs collapsed to one space,
 * middle-dot variants turned into U+00B7 without spaces around it.
 * Idempotent. NFKC leaves supplementary-plane characters (e.g. 𠮷) intact.
 */
export function normalizeName(input: string): string {
  return (
    input
      .normalize("NFKC")
      // Between two Latin letters a "." is an abbreviation (J.R.R. Tolkien),
      // not a middle dot, so it is left alone.
      .replace(DOT_BETWEEN_LETTERS, (match: string, before: string, _dot: string, after: string) =>
        LATIN.test(before) && LATIN.test(after) ? match : before + MIDDLE_DOT,
      )
      .replace(MIDDLE_DOT_VARIANTS, MIDDLE_DOT)
      .replace(/\s+/gu, " ")
      .trim()
  );
}

/**
 * Normalizes and validates a name. Deliberately permissive: Latin letters,
 * spaces and dots are allowed for foreign nationals and for residents of
 * Hong Kong, Macao and Taiwan.
 */
export function validateName(input: string): TValidatedName {
  const value = normalizeName(input);
  if (value === "") return { ok: false, reason: NAME_REASONS.empty };
  // \p{Nd} also catches non-ASCII decimal digits that NFKC does not fold.
  if (/\p{Nd}/u.test(value)) return { ok: false, reason: NAME_REASONS.digits };
  // Characters that show nothing or change how the rest shows: control and format characters
  // (zero-width spaces and joiners, bidi overrides such as U+202E), lone surrogates, and
  // combining marks left over after NFKC (which composes every accented letter that has a
  // composed form). In a staff list or an export they make one name look like another.
  if (/[\p{Cc}\p{Cf}\p{Cs}\p{M}]/u.test(value)) return { ok: false, reason: NAME_REASONS.invisible };
  // Count code points, so a rare character outside the BMP counts as one.
  if ([...value].length > NAME_MAX_CODE_POINTS) return { ok: false, reason: NAME_REASONS.tooLong };
  return { ok: true, value };
}
