import "server-only";
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import { commonMessages } from "@/messages/zh-CN";

/** Parses an input with its zod schema; a mistake becomes an AppError with Chinese field messages. */
export function parseCreditsInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "_";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new AppError("INVALID_INPUT", commonMessages.checkInput, fieldErrors);
}
