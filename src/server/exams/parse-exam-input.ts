import "server-only";
import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import { commonMessages } from "@/messages/zh-CN";

/**
 * Parses an exam function's input with its zod schema (the action wrapper has usually done so
 * already; tests and scripts call the functions directly). A mistake becomes an AppError whose
 * message is the first problem found, in Chinese.
 */
export function parseExamInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new AppError("INVALID_INPUT", result.error.issues[0]?.message ?? commonMessages.checkInput, fieldErrors);
}
