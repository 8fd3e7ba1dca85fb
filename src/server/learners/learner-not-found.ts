import "server-only";
import { AppError } from "@/lib/errors";
import { learnerMessages } from "@/messages/zh-CN";

export const LEARNER_NOT_FOUND_MESSAGE = learnerMessages.notFound;

/**
 * The one answer for a learner id that does not exist and for one outside the administrator's
 * districts: nobody learns from it whether another district registered the person.
 */
export function learnerNotFound(): AppError {
  return new AppError("LEARNER_NOT_FOUND", LEARNER_NOT_FOUND_MESSAGE);
}
