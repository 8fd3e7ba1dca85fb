import "server-only";
import { planQuestionImport } from "@/domain/course-admin";
import { AppError } from "@/lib/errors";
import { getDb } from "@/server/db";
import { requireCourseRole, type CourseActor } from "./course-actor";
import { courseErrors } from "./course-errors";
import { lockCourse } from "./lock-course";
import { importChecksum } from "./preview-question-import";
import { readWorkbook } from "@/server/spreadsheets/read-workbook";
import { recordCourseAudit } from "./record-course-audit";

export interface QuestionImportResult {
  mode: "commit";
  imported: number;
  skippedRows: number[];
}

/**
 * 确认导入: adds the valid rows of the file the administrator checked, in one transaction: all
 * of them or, on any failure, none. The file must be the one checked (same checksum) and give
 * the same number of valid rows against the bank as it is now; otherwise nothing is written and
 * the administrator checks again. Invalid rows, shown by the check, are left out.
 */
export async function commitQuestionImport(
  actor: CourseActor,
  input: { courseId: string; data: ArrayBuffer; fileName: string; checksum: string; expectedCount: number },
): Promise<QuestionImportResult> {
  requireCourseRole(actor, "edit");
  const { courseId, data } = input;
  const checksum = importChecksum(data);
  if (checksum !== input.checksum) throw courseErrors.importChanged();
  const rows = await readWorkbook("questions", new Uint8Array(data));
  return getDb().$transaction(
    async (tx) => {
      await lockCourse(tx, courseId);
      const existing = await tx.question.findMany({ where: { courseId, active: true }, select: { stem: true } });
      const plan = planQuestionImport(
        rows,
        existing.map((q) => q.stem),
      );
      if (plan.fileProblem) throw new AppError("IMPORT_FILE_PROBLEM", plan.fileProblem);
      if (plan.valid.length === 0) throw courseErrors.importNothing();
      if (plan.valid.length !== input.expectedCount) throw courseErrors.importChanged();

      const last = await tx.question.aggregate({ where: { courseId }, _max: { position: true } });
      const base = (last._max.position ?? 0) + 1;
      const created = await tx.question.createManyAndReturn({
        data: plan.valid.map(({ question }, i) => ({
          courseId,
          type: question.type,
          stem: question.stem,
          explanation: question.explanation,
          position: base + i,
        })),
        select: { id: true, position: true },
      });
      // Matched by position, unique within this import: RETURNING promises no order.
      const idAt = new Map(created.map((q) => [q.position, q.id]));
      const options = plan.valid.flatMap(({ question }, i) => {
        const questionId = idAt.get(base + i);
        if (!questionId) throw new Error(`imported question at position ${base + i} was not returned`);
        return question.options.map((option, position) => ({ questionId, ...option, position }));
      });
      await tx.questionOption.createMany({ data: options });
      const skippedRows = plan.invalid.map((row) => row.rowNumber);
      await recordCourseAudit(
        tx,
        actor,
        "question.import",
        { type: "Course", id: courseId },
        { fileName: input.fileName, checksum, imported: plan.valid.length, skippedRows },
      );
      return { mode: "commit" as const, imported: plan.valid.length, skippedRows };
    },
    { timeout: 30_000 },
  );
}
