// Expected failures carry a code and a message in Chinese that may be shown as is.
// Anything else is unexpected: logged, and the user sees a generic message.
import type { AppErrorCode } from "./error-codes";

export type { AppErrorCode } from "./error-codes";
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const GENERIC_ERROR_MESSAGE = "系统繁忙，请稍后再试。";

/** A request whose session is missing, expired, or whose learner or staff user is disabled. */
export const UNAUTHENTICATED_MESSAGE = "登录已失效，请重新登录";

/** Signed in, but the policy (src/server/policy) does not allow this. */
export const FORBIDDEN_MESSAGE = "您没有权限进行此操作";

/** A staff member whose initial or reset password is still to be changed. */
export const PASSWORD_CHANGE_REQUIRED_MESSAGE = "请先修改初始密码";

/** A request body beyond its limit, on any path. */
export const TOO_LARGE_MESSAGE = "提交的内容过大。";

/** A JSON body that is not JSON, or not of the expected shape, sent by the portal's own pages. */
export const MALFORMED_BODY_MESSAGE = "提交的内容格式不正确，请刷新页面后重试。";
