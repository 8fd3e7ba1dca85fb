// Uploaded workbooks cannot hurt the server: hostile .xlsx files (a cell in column XFD on every
// row, zip bombs, a lying ZIP directory, pathological XML) are refused or read within bounds, and
// valid files read as before. The hostile files are built here, none stored.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS as QUESTION_COLUMNS } from "../../src/domain/course-admin";
import { IMPORT_HEADERS, MAX_IMPORT_ROWS, TOO_MANY_ROWS_MESSAGE } from "../../src/domain/import";
import { AppError } from "../../src/lib/errors";
import { readQuestionSheet } from "../../src/server/courses/admin/read-question-sheet";
import { buildImportTemplate } from "../../src/server/import/build-import-template";
import { readImportFile } from "../../src/server/import/read-import-file";
import { readXlsxRows } from "../../src/server/import/read-xlsx-rows";
import { openXlsxPackage } from "../../src/server/spreadsheets/open-xlsx-package";
import { SharedStrings } from "../../src/server/spreadsheets/shared-strings";
import { FILE_TOO_COMPLEX_MESSAGE, XLSX_LIMITS } from "../../src/server/spreadsheets/xlsx-limits";
import { xmlShapeGuard } from "../../src/server/spreadsheets/xml-shape-guard";
import {
  EMPTY_ELEMENTS,
  part,
  peakRssGrowthMiB,
  SHEET_CLOSING,
  SHEET_OPENING,
  writeZip,
  xlsxWithSheet,
  zipBomb,
} from "../support/hostile-xlsx";

const MiB = 1024 * 1024;
/** What one upload may cost the server, whatever the file. */
const MAX_GROWTH_MiB = 100;
const ID = "420106199001011237";
const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;

async function xlsx(build: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet("采集"), book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const tooComplex = { code: "FILE_TOO_COMPLEX", message: FILE_TOO_COMPLEX_MESSAGE };
const WORKBOOK = `<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

async function refusal(read: () => Promise<unknown>): Promise<AppError> {
  const error = await read().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("hostile workbooks", () => {
  it("reads 1,200 rows with a cell in column XFD within 32 columns, memory bounded", async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow([...IMPORT_HEADERS]);
      sheet.addRow([ID, "张三", "武昌区", "某单位", "初级", 2024, ""]);
      for (let row = 3; row <= 1202; row++) sheet.getCell(`XFD${row}`).value = "x";
    });
    expect(bytes.byteLength).toBeLessThan(64 * 1024);
    const { growthMiB, outcome } = await peakRssGrowthMiB(() => readImportFile(bytes));
    expect(growthMiB).toBeLessThan(MAX_GROWTH_MiB);
    // The stray cells are past the columns read: those rows are blank, the learner's row remains.
    expect(outcome).toMatchObject({
      format: "xlsx",
      rows: [{ rowNumber: 2, cells: [ID, "张三", "武昌区", "某单位", "初级", "2024", ""] }],
    });
    const questions = await peakRssGrowthMiB(() => readQuestionSheet(new Uint8Array(bytes).buffer));
    expect(questions.growthMiB).toBeLessThan(MAX_GROWTH_MiB);
    // Row n is rows[n - 1]; the rows of stray cells read as blank in the template's columns.
    const sheet = questions.outcome as string[][];
    expect(sheet).toHaveLength(1202);
    expect(sheet.slice(2).every((row) => row.every((cell) => cell === ""))).toBe(true);
  });

  it("refuses a zip bomb (a sheet that inflates to 1 GiB) from its directory, inflating nothing", async () => {
    const bomb = zipBomb(1024);
    expect(bomb.byteLength).toBeLessThan(2 * MiB);
    const { growthMiB, outcome } = await peakRssGrowthMiB(() => readImportFile(bomb));
    expect(outcome).toMatchObject(tooComplex);
    expect(growthMiB).toBeLessThan(MAX_GROWTH_MiB);
    expect(await refusal(() => readQuestionSheet(new Uint8Array(bomb).buffer))).toMatchObject(tooComplex);
  });

  it.each([
    ["far smaller than it inflates (4 KiB)", 4 * 1024, 1024],
    ["within the sheet limit (1 MiB), of empty elements only the size can stop", MiB, 1024],
  ])("refuses a lying directory: a 1 GiB sheet declared %s", async (_case, declaredSize, inflatedMiB) => {
    const sheet = declaredSize > 4096 ? EMPTY_ELEMENTS : undefined;
    const liar = zipBomb(inflatedMiB, { declaredSize, ...(sheet ? { sheet } : {}) });
    const { growthMiB, outcome } = await peakRssGrowthMiB(() => readImportFile(liar));
    expect(outcome).toMatchObject(tooComplex);
    expect(growthMiB).toBeLessThan(MAX_GROWTH_MiB);
    expect(await refusal(() => readQuestionSheet(new Uint8Array(liar).buffer))).toMatchObject(tooComplex);
  });

  it("stops inflating a part at its declared size", async () => {
    const declaredSize = 64 * 1024;
    const liar = zipBomb(64, { declaredSize, sheet: EMPTY_ELEMENTS });
    const xlsxPackage = await openXlsxPackage(liar);
    const stream = await xlsxPackage.openPart("xl/worksheets/sheet1.xml", XLSX_LIMITS.sheetBytes);
    let inflated = 0;
    const error = await (async () => {
      for await (const chunk of stream) inflated += (chunk as Buffer).length;
    })().catch((caught: unknown) => caught);
    expect(error).toMatchObject(tooComplex);
    expect(inflated).toBeLessThanOrEqual(declaredSize);
    // The same builder, honest, gives a part that reads to its end.
    const honest = await openXlsxPackage(zipBomb(1, { sheet: EMPTY_ELEMENTS }));
    let read = 0;
    for await (const chunk of await honest.openPart("xl/worksheets/sheet1.xml", XLSX_LIMITS.sheetBytes))
      read += (chunk as Buffer).length;
    expect(read).toBe(MiB + EMPTY_ELEMENTS.opening.length + EMPTY_ELEMENTS.closing.length);
  });

  it("refuses a directory with too many parts, parts declared too large, or a part named twice", async () => {
    const valid = xlsxWithSheet(`${SHEET_OPENING}x${SHEET_CLOSING}`);
    expect(await readXlsxRows(valid)).toMatchObject({ rows: [{ rowNumber: 1, cells: ["x"] }] });
    const sheet = part("xl/worksheets/sheet1.xml", `${SHEET_OPENING}x${SHEET_CLOSING}`);
    const workbook = part("xl/workbook.xml", `<workbook ${NS}/>`);
    const manyParts = writeZip([
      sheet,
      ...Array.from({ length: XLSX_LIMITS.entries }, (_, i) => part(`x/${i}.xml`, "")),
    ]);
    const declaredLarge = (sizes: number[]) =>
      writeZip([sheet, ...sizes.map((size, i) => ({ ...part(`xl/media/image${i}.png`, ""), declaredSize: size }))]);
    for (const file of [
      manyParts,
      declaredLarge([XLSX_LIMITS.entryBytes + 1]),
      declaredLarge([40 * MiB, 40 * MiB, 40 * MiB]),
      writeZip([workbook, sheet, sheet]),
    ]) {
      expect(await refusal(() => readImportFile(file))).toMatchObject(tooComplex);
    }
  });

  it.each([
    ["a 2 MiB text", `${SHEET_OPENING}${"A".repeat(2 * MiB)}${SHEET_CLOSING}`],
    ["a 2 MiB comment full of <", `<worksheet ${NS}><!--${"<a>".repeat(700_000)}--><sheetData/></worksheet>`],
    ["a 2 MiB CDATA section", `${SHEET_OPENING}<![CDATA[${"<".repeat(2 * MiB)}]]>${SHEET_CLOSING}`],
    ["a 2 MiB attribute", `<worksheet ${NS}><sheetData><row r="1" x="${"a>".repeat(MiB)}"/></sheetData></worksheet>`],
    ["elements nested 100 deep", `<worksheet ${NS}>${"<x>".repeat(100)}${"</x>".repeat(100)}<sheetData/></worksheet>`],
    [
      "20,000 column definitions",
      `<worksheet ${NS}><cols>${'<col min="1" max="1"/>'.repeat(20_000)}</cols></worksheet>`,
    ],
    ["a DOCTYPE", `<!DOCTYPE worksheet [<!ENTITY a "b">]><worksheet ${NS}><sheetData/></worksheet>`],
  ])("refuses XML the parser would hold at length: %s", async (_case, sheetXml) => {
    expect(await refusal(() => readXlsxRows(xlsxWithSheet(sheetXml)))).toMatchObject(tooComplex);
  });

  it("passes ordinary XML through the shape guard unchanged", async () => {
    const xml = `<?xml version="1.0"?><worksheet ${NS}><!-- a -- b --><cols><col min="1" max="7"/></cols><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a&gt;b <![CDATA[<c>]]></t></is></c></row></sheetData></worksheet>`;
    const guard = xmlShapeGuard();
    const out: Buffer[] = [];
    guard.on("data", (chunk: Buffer) => out.push(chunk));
    const finished = new Promise((resolve, reject) => guard.on("end", resolve).on("error", reject));
    // Byte by byte: no delimiter is lost across chunks.
    for (const byte of Buffer.from(xml)) guard.write(Buffer.from([byte]));
    guard.end();
    await finished;
    expect(Buffer.concat(out).toString()).toBe(xml);
  });

  it("refuses cells that show more text than an import holds: one long shared string on every row", async () => {
    const long = "某".repeat(32_767);
    const workbook = (rows: number) =>
      writeZip([
        part("xl/workbook.xml", WORKBOOK),
        part("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        part("xl/sharedStrings.xml", `<sst ${NS}><si><t>${long}</t></si></sst>`),
        part(
          "xl/worksheets/sheet1.xml",
          `<worksheet ${NS}><sheetData>${Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>0</v></c></row>`).join("")}</sheetData></worksheet>`,
        ),
      ]);
    // A few kilobytes of file that would hand the import 8 million characters to check.
    const tooMuch = workbook(Math.ceil(XLSX_LIMITS.cellCharacters / long.length) + 1);
    expect(await refusal(() => readXlsxRows(tooMuch))).toMatchObject(tooComplex);
    expect(await refusal(() => readQuestionSheet(new Uint8Array(tooMuch).buffer))).toMatchObject(tooComplex);
    const { rows } = await readXlsxRows(workbook(Math.floor(XLSX_LIMITS.cellCharacters / long.length)));
    expect(rows.every((row) => row.cells[0] === long)).toBe(true);
  });

  it("stops reading past the rows an import takes, with the existing message", async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow([...IMPORT_HEADERS]);
      for (let row = 0; row < MAX_IMPORT_ROWS + 10; row++) sheet.addRow([ID, "张三"]);
      sheet.getCell(`A${MAX_IMPORT_ROWS + 100}`).value = "never read";
    });
    expect(await refusal(() => readImportFile(bytes))).toMatchObject({
      code: "TOO_MANY_ROWS",
      message: TOO_MANY_ROWS_MESSAGE,
    });
    const read = await readXlsxRows(bytes);
    expect(read.tooManyRows).toBe(true);
    expect(read.rows.length).toBeLessThanOrEqual(MAX_IMPORT_ROWS + 5);
  });
});

describe("valid workbooks read as before", () => {
  it("reads the downloaded template once filled in", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildImportTemplate(["武昌区"])).buffer);
    const sheet = book.worksheets[0]!;
    sheet.addRow([ID, "张三", "武昌区", "武汉某会计师事务所", "中级", 2024, "13912345678"]);
    sheet.addRow([]);
    sheet.addRow(["42010619900101123X", "李四", "武昌区", "某单位", "初级", "2025"]);
    const file = await readImportFile(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(file.rows).toEqual([
      { rowNumber: 2, cells: [ID, "张三", "武昌区", "武汉某会计师事务所", "中级", "2024", "13912345678"] },
      { rowNumber: 4, cells: ["42010619900101123X", "李四", "武昌区", "某单位", "初级", "2025"] },
    ]);
  });

  it("reads cells as displayed: numbers, 18-digit numbers, dates, booleans, rich text, formulas, links", async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(["title"]);
      sheet.addRow([
        Number(ID),
        { richText: [{ text: "张" }, { text: "三", font: { bold: true } }] },
        true,
        new Date(Date.UTC(2024, 2, 15)),
        { formula: "1+1", result: 2 },
        { text: "链接", hyperlink: "https://example.com" },
        { formula: "NA()", result: { error: "#N/A" } },
        { error: "#DIV/0!" },
        1.5,
      ]);
      sheet.getCell("D2").numFmt = "yyyy-mm-dd";
      sheet.getCell("A3").value = { formula: "ROW()", result: 3 };
      sheet.getCell("A4").value = { sharedFormula: "A3", result: 4 };
      sheet.getCell("B4").value = "a_x000D_b";
    });
    const { rows } = await readXlsxRows(bytes);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ["title"] },
      {
        rowNumber: 2,
        cells: [String(Number(ID)), "张三", "TRUE", "2024-03-15", "2", "链接", "", "", "1.5"],
        impreciseColumns: [0],
      },
      { rowNumber: 3, cells: ["3"] },
      { rowNumber: 4, cells: ["4", "a\rb"] },
    ]);
    const questions = await readQuestionSheet(new Uint8Array(bytes).buffer);
    expect(questions[3]?.slice(0, 2)).toEqual(["4", "a\rb"]);
  });

  it("keeps Chinese text intact across the parser's chunks, and reads the first tab", async () => {
    const text = (row: number) => `${row}号武汉市江岸区某某会计师事务所有限公司`;
    const bytes = await xlsx((sheet, book) => {
      for (let row = 1; row <= 3000; row++) sheet.addRow([text(row), `学员${row}`]);
      book.addWorksheet("第二页").addRow(["not read"]);
    });
    const { rows } = await readXlsxRows(bytes);
    expect(rows).toHaveLength(3000);
    expect(rows.every((row, i) => row.cells[0] === text(i + 1) && row.cells[1] === `学员${i + 1}`)).toBe(true);
  });

  it("keeps shared strings of any length and script as they were", () => {
    const texts = ["", "a", "漢字", "😀 emoji", "x".repeat(70_000), "", "混合 text ".repeat(3_000)];
    for (let i = 0; i < 200_000; i++) texts.push(i % 3 ? `学员${i}` : "");
    const strings = new SharedStrings();
    for (const text of texts) strings.add(text);
    strings.seal();
    expect(texts.every((text, i) => strings.get(i) === text)).toBe(true);
    expect([strings.get(texts.length), strings.get(-1), strings.get(0.5)]).toEqual([undefined, undefined, undefined]);
  });

  it("reads shared strings as loading did: phonetic guides left out, runs joined", async () => {
    const strings = `<sst ${NS}><si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si><si><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></si><si><t/></si></sst>`;
    const cells = `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c></row>`;
    const file = writeZip([
      part("xl/workbook.xml", WORKBOOK),
      part("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
      part("xl/sharedStrings.xml", strings),
      part("xl/worksheets/sheet1.xml", `<worksheet ${NS}><sheetData>${cells}</sheetData></worksheet>`),
    ]);
    expect((await readXlsxRows(file)).rows).toEqual([{ rowNumber: 2, cells: ["漢字", "富文本", ""] }]);
    expect((await readQuestionSheet(new Uint8Array(file).buffer))[1]).toEqual([
      "漢字",
      "富文本",
      ...Array<string>(QUESTION_COLUMNS.length - 2).fill(""),
    ]);
  });

  it("explains files that are not workbooks", async () => {
    const notXlsx = writeZip([part("word/document.xml", "<document/>")]);
    expect(await refusal(() => readImportFile(notXlsx))).toMatchObject({ code: "UNREADABLE_FILE" });
    const truncated = (await xlsx((sheet) => sheet.addRow(["a"]))).slice(0, 200);
    expect(await refusal(() => readImportFile(truncated))).toMatchObject({ code: "UNREADABLE_FILE" });
    expect(await refusal(() => readQuestionSheet(new Uint8Array(truncated).buffer))).toMatchObject({
      code: "IMPORT_UNREADABLE",
    });
  });
});
