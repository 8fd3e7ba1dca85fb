// Hostile workbooks against both importers staff can reach (the learner import's dry run, the
// question bank's check), with the server process's resident memory measured (workbooks are read
// in the spreadsheet process, whose heap is capped): a cell in column XFD on 1,200 rows, a zip
// bomb (honest and lying directory), an entity declaration. Each is read within 100 MB of the
// server's growth or refused with a Chinese message, and nothing is written. (The
// learner import's 5 MB upload takes a 5 GiB bomb; the reader stops at its limits either way.)
// Then the costliest workbooks within the limits of XLSX_LIMITS, against the learner import (their
// 1–5 MB are over the question bank's 1 MB): each part at its limit, filled as memory suffers most.
import ExcelJS from "exceljs";
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { IMPORT_COLUMNS } from "../../src/domain/course-admin";
import { IMPORT_HEADERS, MAX_IMPORT_BYTES } from "../../src/domain/import";
import { currentYear } from "../../src/lib/time";
import { importQuestions } from "../../src/server/actions/courses";
import { dryRunImport } from "../../src/server/actions/import";
import { getDb } from "../../src/server/db";
import { readWorkbook } from "../../src/server/spreadsheets/read-workbook";
import { FILE_TOO_COMPLEX_MESSAGE, XLSX_LIMITS } from "../../src/server/spreadsheets/xlsx-limits";
import { createCourse, createStaff, uniqueIdNumber } from "../support/factories";
import {
  NS,
  peakRssGrowthMiB,
  sharedStringsPart,
  sheetPart,
  stylesPart,
  workbookOf,
  xlsxWithSheet,
  zipBomb,
} from "../support/hostile-xlsx";
import { truncateData } from "../support/reset-database";
import { signInAs } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const TOO_COMPLEX = {
  ok: false,
  code: "FILE_TOO_COMPLEX",
  message: "文件内容过大或结构异常，无法读取，请只保留模板中的列并另存为 .xlsx 后重新上传",
};

/** A template's header and one good row, then one cell in the sheet's last column on 1,200 rows. */
async function wideWorkbook(header: readonly string[], good: unknown[]): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("表");
  sheet.addRow([...header]);
  sheet.addRow(good);
  for (let r = 3; r <= 1202; r++) sheet.getCell(`XFD${r}`).value = "x";
  return new File([new Uint8Array(await workbook.xlsx.writeBuffer())], "宽表.xlsx");
}

const HOSTILE: [string, () => Uint8Array<ArrayBuffer>][] = [
  // Under the question bank's 1 MB upload limit, so that both importers have to open it.
  ["a zip bomb (512 MiB of sheet in 0.5 MB)", () => zipBomb(512)],
  ["a zip bomb whose directory claims 4 KB", () => zipBomb(512, { declaredSize: 4096 })],
  [
    "an entity declaration",
    () => xlsxWithSheet(`<!DOCTYPE worksheet [<!ENTITY a "b">]><worksheet ${NS}><sheetData/></worksheet>`),
  ],
];

/** A limit of XLSX_LIMITS less a kilobyte: a part that size is read. */
const under = (limit: number) => limit - 1024;
/** `length` characters of Latin text and one Chinese character, which makes V8 keep it at 2 bytes a character. */
const mixed = (length: number, seed: number) =>
  "武" +
  "abcdefghijklmnopqrstuvwxyz0123456789".repeat(Math.ceil(length / 36) + 1).slice(seed % 36, (seed % 36) + length - 1);
const sharedCell = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
const INVALID_ROWS = { ok: true, data: { counts: { new: 0, changed: 0, unchanged: 0, invalid: 20_000 } } };

const WITHIN_LIMITS: [string, () => Uint8Array<ArrayBuffer>, unknown][] = [
  [
    "16 MiB of short distinct shared strings, 32 of them on each of 20,000 rows",
    () =>
      workbookOf([
        sharedStringsPart(
          under(XLSX_LIMITS.sharedStringsBytes),
          (i) => `<si><t>${i.toString(36).padStart(5, "0")}</t></si>`,
        ),
        sheetPart(under(XLSX_LIMITS.sheetBytes), {
          header: IMPORT_HEADERS,
          rows: 20_000,
          columns: 32,
          cell: (ref, row, column) => sharedCell(ref, (row - 2) * 32 + column),
        }),
      ]),
    INVALID_ROWS,
  ],
  [
    "3.3 million empty shared strings (16 MiB of <si/>)",
    () =>
      workbookOf([
        sharedStringsPart(under(XLSX_LIMITS.sharedStringsBytes), () => "<si/>"),
        sheetPart(under(XLSX_LIMITS.sheetBytes), {
          header: IMPORT_HEADERS,
          rows: 20_000,
          columns: 7,
          cell: (ref, row, column) => sharedCell(ref, row * 7 + column),
        }),
      ]),
    { ok: false, code: "NO_ROWS", message: "文件中除表头外没有学员数据" },
  ],
  [
    "shared strings of 32,767 characters, one in every cell of 20,000 rows",
    () =>
      workbookOf([
        sharedStringsPart(under(XLSX_LIMITS.sharedStringsBytes), (i) => `<si><t>${mixed(32_767, i)}</t></si>`),
        sheetPart(under(XLSX_LIMITS.sheetBytes), {
          header: IMPORT_HEADERS,
          rows: 20_000,
          columns: 7,
          cell: (ref, row, column) => sharedCell(ref, (row * 7 + column) % 500),
        }),
      ]),
    TOO_COMPLEX,
  ],
  [
    "every part at its limit: 5 MiB of styles, 16 MiB of shared strings, 20,000 rows of inline text",
    () => {
      const formats = 30_000;
      return workbookOf([
        stylesPart(formats),
        sharedStringsPart(under(XLSX_LIMITS.sharedStringsBytes), (i) => `<si><t>${mixed(32_767, i)}</t></si>`),
        sheetPart(under(XLSX_LIMITS.sheetBytes), {
          header: IMPORT_HEADERS,
          rows: 20_000,
          columns: 7,
          // 7.7 million characters, just under what the cells read may hold.
          cell: (ref, row, column) =>
            `<c r="${ref}" s="${(row * 7 + column) % formats}" t="inlineStr"><is><t>${mixed(55, row + column)}</t></is></c>`,
        }),
      ]);
    },
    INVALID_ROWS,
  ],
];

async function written() {
  const db = getDb();
  return {
    learners: await db.learner.count(),
    questions: await db.question.count(),
    audits: await db.auditLog.count(),
  };
}

describe("hostile spreadsheets", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
  });

  it("the learner import reads a 1,200-row sheet reaching column XFD within 100 MB", async () => {
    signInAs("staff", (await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" })).id);
    const wide = await wideWorkbook(IMPORT_HEADERS, [
      uniqueIdNumber(),
      "宽表学员",
      "武昌区",
      "某单位",
      "初级",
      currentYear(),
      "",
    ]);
    const read = await peakRssGrowthMiB(() => dryRunImport(null, { file: wide }));
    expect(read.growthMiB).toBeLessThan(100);
    expect(read.outcome).toMatchObject({
      ok: true,
      data: { counts: { new: 1, changed: 0, unchanged: 0, invalid: 0 } },
    });
  });

  it("the question bank check reads the same shape within 100 MB", async () => {
    signInAs("staff", (await createStaff({ role: "CITY_ADMIN" })).id);
    const course = await createCourse({ status: "DRAFT" });
    const wide = await wideWorkbook(IMPORT_COLUMNS, ["判断", "宽表题", "", "", "", "", "", "正确", ""]);
    const read = await peakRssGrowthMiB(() =>
      importQuestions(null, { courseId: course.id, mode: "dry-run", file: wide }),
    );
    expect(read.growthMiB).toBeLessThan(100);
    expect(read.outcome).toMatchObject({ ok: true, data: { mode: "dry-run", validCount: 1, invalid: [] } });
  });

  it.each(WITHIN_LIMITS)("the learner import takes %s within 100 MB", async (_what, make, outcome) => {
    signInAs("staff", (await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" })).id);
    const file = new File([make()], "大表.xlsx");
    expect(file.size).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    const read = await peakRssGrowthMiB(() => dryRunImport(null, { file }));
    expect(read.growthMiB).toBeLessThan(100);
    expect(read.outcome).toMatchObject(outcome as object);
  });

  it("refuses in Chinese a workbook whose reading outgrows the spreadsheet process's heap", async () => {
    const [, make] = WITHIN_LIMITS[0]!;
    const refusal = await readWorkbook("learners", make(), ["--max-old-space-size=16"]).catch(
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ code: "FILE_TOO_COMPLEX", message: FILE_TOO_COMPLEX_MESSAGE });
  });

  it.each(HOSTILE)("both importers refuse %s in Chinese within 100 MB, writing nothing", async (_what, make) => {
    const before = await written();
    signInAs("staff", (await createStaff({ role: "CITY_ADMIN" })).id);
    const course = await createCourse({ status: "DRAFT" });
    const learners = await peakRssGrowthMiB(() => dryRunImport(null, { file: new File([make()], "炸弹.xlsx") }));
    expect(learners.growthMiB).toBeLessThan(100);
    expect(learners.outcome).toEqual(TOO_COMPLEX);
    const questions = await peakRssGrowthMiB(() =>
      importQuestions(null, { courseId: course.id, mode: "dry-run", file: new File([make()], "炸弹.xlsx") }),
    );
    expect(questions.growthMiB).toBeLessThan(100);
    expect(questions.outcome).toMatchObject({ ok: false, message: TOO_COMPLEX.message });
    expect({ ...(await written()), audits: before.audits }).toEqual(before);
  });
});
