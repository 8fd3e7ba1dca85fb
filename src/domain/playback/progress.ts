import { COMPLETE_PERCENT, DURATION_ROUNDING_MS } from "./constants";

/** Verified milliseconds that complete a lesson of `durationMs` (integers only). */
export function completionThresholdMs(durationMs: number): number {
  const share = Math.ceil((durationMs * COMPLETE_PERCENT) / 100);
  return Math.max(0, Math.min(share, durationMs - DURATION_ROUNDING_MS));
}

export function isLessonComplete(verifiedMs: number, durationMs: number): boolean {
  return verifiedMs >= completionThresholdMs(durationMs);
}

/** Whole percent of a lesson verified, for display: 100 only once complete. */
export function lessonPercent(verifiedMs: number, durationMs: number): number {
  if (isLessonComplete(verifiedMs, durationMs)) return 100;
  if (durationMs <= 0) return 0;
  return Math.min(99, Math.floor((verifiedMs * 100) / durationMs));
}

export interface LessonProgressView {
  verifiedMs: number;
  durationMs: number;
}

/** A course's verified share: complete lessons count whole, others by their verified time. */
export function coursePercent(lessons: readonly LessonProgressView[]): number {
  const total = lessons.reduce((sum, l) => sum + l.durationMs, 0);
  if (total === 0) return 0;
  if (lessons.every((l) => isLessonComplete(l.verifiedMs, l.durationMs))) return 100;
  const verified = lessons.reduce(
    (sum, l) =>
      sum + (isLessonComplete(l.verifiedMs, l.durationMs) ? l.durationMs : Math.min(l.verifiedMs, l.durationMs)),
    0,
  );
  return Math.min(99, Math.floor((verified * 100) / total));
}
