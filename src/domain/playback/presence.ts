import { PRESENCE_CHECK_MAX_MS, PRESENCE_CHECK_MIN_MS } from "./constants";

/** Credited time until the next presence check, from a random number in [0, 1). */
export function nextPresenceCheckMs(random: number): number {
  const unit = Math.min(Math.max(random, 0), 1);
  return Math.round(PRESENCE_CHECK_MIN_MS + unit * (PRESENCE_CHECK_MAX_MS - PRESENCE_CHECK_MIN_MS));
}
