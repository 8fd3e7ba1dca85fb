import "server-only";
import { z } from "zod";
import { OPTION_LETTERS, validateQuestion, type QuestionField } from "@/domain/course-admin";
import { commonMessages, courseMessages } from "@/messages/zh-CN";

const id = z.string().trim().min(1, commonMessages.missingId).max(40);
const text = z.string().optional().default("");
/** A checkbox group arrives as nothing, one value, or several. */
const letters = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : ([] as string[]).concat(value)));

const FIELDS: readonly QuestionField[] = ["type", "stem", "options", "correct", "explanation"];

const ZQuestionFields = z.object({
  courseId: id,
  type: z.enum(["SINGLE", "MULTIPLE", "TRUE_FALSE"], { error: courseMessages.chooseQuestionType }),
  stem: text,
  explanation: text,
  optionA: text,
  optionB: text,
  optionC: text,
  optionD: text,
  optionE: text,
  correct: letters,
});

/** The domain's check of the fields; its messages land on the matching form fields. */
function checked(input: z.output<typeof ZQuestionFields>, ctx: z.RefinementCtx) {
  const labels = [input.optionA, input.optionB, input.optionC, input.optionD, input.optionE];
  const check = validateQuestion({
    type: input.type,
    stem: input.stem,
    explanation: input.explanation,
    options: OPTION_LETTERS.map((letter, i) => ({ label: labels[i] ?? "", correct: input.correct.includes(letter) })),
  });
  if (check.ok) return { courseId: input.courseId, ...check.question };
  for (const field of FIELDS) {
    for (const message of check.errors[field] ?? []) ctx.addIssue({ code: "custom", message, path: [field] });
  }
  return z.NEVER;
}

/**
 * A question as the form sends it: type, stem, options A–E (optionA…optionE, blanks ignored),
 * the letters of the correct ones (`correct`), explanation.
 */
export const ZQuestionInput = ZQuestionFields.transform(checked);
export type TQuestionInput = z.output<typeof ZQuestionInput>;

export const ZUpdateQuestionInput = ZQuestionFields.extend({ questionId: id }).transform((input, ctx) => {
  const question = checked(input, ctx);
  return { ...question, questionId: input.questionId };
});
export type TUpdateQuestionInput = z.output<typeof ZUpdateQuestionInput>;

export const ZQuestionRef = z.object({ courseId: id, questionId: id });

export const ZSetQuestionActiveInput = ZQuestionRef.extend({
  active: z.enum(["true", "false"], { error: commonMessages.missingAction }).transform((value) => value === "true"),
});
export type TSetQuestionActiveInput = z.output<typeof ZSetQuestionActiveInput>;
