// How long a session lives, shared by next-auth's configuration and the heartbeat path (which
// reads session cookies without loading next-auth itself).

/** A session ends after 30 minutes without a request ... */
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
/** ... and 12 hours after sign-in, whatever happens. */
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;
