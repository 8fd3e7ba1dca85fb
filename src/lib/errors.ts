// Expected failures carry a code and a message in Chinese that may be shown as is.
// Anything else is unexpected: logged, and the user sees a generic message.
import { commonMessages } from "../messages/zh-CN/common";
import { errorMessages } from "../messages/zh-CN/errors";
import type { AppErrorCode } from "./error-codes";

export type { AppErrorCode } from "./error-codes";
export type FieldErrors = Record<string, string[]>;

/** An expected failure: its code, and the code's sentence (src/messages/zh-CN/errors.ts) unless a more precise one is given. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = errorMessages[code],
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
}

// The shared sentences live in the message catalogue (src/messages/zh-CN/common.ts); these names
// stay for their many importers.

export const GENERIC_ERROR_MESSAGE = commonMessages.genericError;

/** A request whose session is missing, expired, or whose learner or staff user is disabled. */
export const UNAUTHENTICATED_MESSAGE = commonMessages.unauthenticated;

/** Signed in, but the policy (src/server/policy) does not allow this. */
export const FORBIDDEN_MESSAGE = commonMessages.forbidden;

/** A staff member whose initial or reset password is still to be changed. */
export const PASSWORD_CHANGE_REQUIRED_MESSAGE = commonMessages.passwordChangeRequired;

/** A request body beyond its limit, on any path. */
export const TOO_LARGE_MESSAGE = commonMessages.tooLarge;

/** A JSON body that is not JSON, or not of the expected shape, sent by the portal's own pages. */
export const MALFORMED_BODY_MESSAGE = commonMessages.malformedBody;

/** A staff report's query over its time limit (src/server/read-report.ts). */
export const QUERY_TIMEOUT_MESSAGE = commonMessages.queryTimeout;

/**
 * How a page's error boundary recognises a report timeout: in production Next.js sends a server
 * error to the browser without its message, but keeps a `digest` the error already carries.
 * readReport gives the error one with this prefix and a unique end (the 错误编号 of its log line).
 */
export const QUERY_TIMEOUT_DIGEST_PREFIX = "QUERY_TIMEOUT-";

export function isQueryTimeoutDigest(digest: string | undefined): boolean {
  return digest?.startsWith(QUERY_TIMEOUT_DIGEST_PREFIX) ?? false;
}
