// Rules of looking a learner up: why is required, and what a lookup lets one see afterwards.

/** A lookup lets its author open the learners it found for this long (one call, one shift). */
export const LOOKUP_GRANT_MS = 4 * 60 * 60_000;

/** A reason is required for lookups by ID number or by name: "who looked at whom, and why". */
export const REASON_MIN_LENGTH = 4;
export const REASON_MAX_LENGTH = 200;

/** A name lookup lists at most this many learners (same name, same district is rare). */
export const NAME_LOOKUP_LIMIT = 20;

export const LOOKUP_METHOD_LABELS = {
  reference: "问题编号",
  idNumber: "身份证号",
  name: "姓名和所在区",
} as const;
export type LookupMethod = keyof typeof LOOKUP_METHOD_LABELS;

/**
 * When a lookup must have been made to still grant at `now`: from LOOKUP_GRANT_MS before `now`
 * to `now`, both included (a lookup dated after `now` grants nothing). The rule's one definition:
 * the database filter of resolveViewGrant (src/server/support) is this window, and
 * isLookupGrantCurrent checks a row against it.
 */
export function lookupGrantWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - LOOKUP_GRANT_MS), to: new Date(now.getTime()) };
}

/** Whether a lookup made at `at` still lets its author open what it found. */
export function isLookupGrantCurrent(at: Date, now: Date): boolean {
  const { from, to } = lookupGrantWindow(now);
  return at.getTime() >= from.getTime() && at.getTime() <= to.getTime();
}
