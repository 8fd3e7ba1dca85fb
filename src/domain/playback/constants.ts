// The numbers of verified study time (see docs/decisions/0006-verified-study-time.md).

/** The player reports about this often while playing. */
export const BEAT_INTERVAL_MS = 15_000;
/** The fastest playback speed offered. Faster positions than this are a jump, not play. */
export const MAX_PLAYBACK_RATE = 1.5;
/**
 * Slack for network jitter and the player's own timing when telling play from a seek. It only
 * classifies beats: it is never added to credited time.
 */
export const POSITION_TOLERANCE_MS = 2_000;
/** A lesson is complete when verified time covers this share of its duration ... */
export const COMPLETE_PERCENT = 95;
/**
 * ... or reaches its duration less this much: durations are whole seconds rounded up, so a
 * short file may really end up to a second before its stated duration (12 s for 11.2 s).
 */
export const DURATION_ROUNDING_MS = 1_000;
/**
 * A presence check (继续学习?) falls due after a random stretch of credited time in this range,
 * counted by the server across the learner's sessions (rules.ts, start-playback.ts).
 */
export const PRESENCE_CHECK_MIN_MS = 15 * 60_000;
export const PRESENCE_CHECK_MAX_MS = 25 * 60_000;
/** Raw heartbeats are kept this long, for support and audit. */
export const BEAT_RETENTION_DAYS = 30;
/** The largest sequence number and position accepted (int4 columns). */
export { MAX_INT4 } from "@/lib/database-int";
