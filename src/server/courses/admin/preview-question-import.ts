import "server-only";
import { createHash } from "node:crypto";
import { planQuestionImport } from "@/domain/course-admin";
import type { QuestionType } from "@/generated/prisma/enums";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { courseErrors } from "./course-errors";
import { readWorkbook } from "@/server/spreadsheets/read-workbook";

/** Valid rows listed back to the administrator: enough to recognise the file, not all of it. */
const PREVIEW_ROWS = 50;

export interface QuestionImportPreview {
  mode: "dry-run";
  /** SHA-256 of the file checked: the commit must present the same file. */
  checksum: string;
  fileProblem: string | null;
  validCount: number;
  valid: { rowNumber: number; type: QuestionType; stem: string }[];
  invalid: { rowNumber: number; reasons: string[] }[];
}

export function importChecksum(data: ArrayBuffer): string {
  return createHash("sha256").update(Buffer.from(data)).digest("hex");
}

/**
 * 检查文件 (dry run): every row of the spreadsheet checked against the rules and the bank's
 * active questions, nothing written. Invalid rows come with their row number and reasons.
 */
export async function previewQuestionImport(
  actor: CourseActor,
  input: { courseId: string; data: ArrayBuffer },
): Promise<QuestionImportPreview> {
  requireCourseRole(actor, "edit");
  const course = await getDb().course.findUnique({
    where: { id: input.courseId },
    select: { questions: { where: { active: true }, select: { stem: true } } },
  });
  if (!course) throw courseErrors.courseNotFound();
  const rows = await readWorkbook("questions", new Uint8Array(input.data));
  const plan = planQuestionImport(
    rows,
    course.questions.map((q) => q.stem),
  );
  return {
    mode: "dry-run",
    checksum: importChecksum(input.data),
    fileProblem: plan.fileProblem,
    validCount: plan.valid.length,
    valid: plan.valid
      .slice(0, PREVIEW_ROWS)
      .map(({ rowNumber, question }) => ({ rowNumber, type: question.type, stem: question.stem })),
    invalid: plan.invalid.map(({ rowNumber, reasons }) => ({ rowNumber, reasons })),
  };
}
