import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { ZipFile } from "yazl";
import { describe, expect, it } from "vitest";
import { EXPORT_COLUMN_KINDS, EXPORT_HEADER, exportCells, type ExportCell } from "../../src/domain/exports";
import {
  escapeXml,
  SHEET_END_XML,
  sheetRowXml,
  sheetStartXml,
  workbookParts,
} from "../../src/domain/exports/xlsx-parts";

/** A workbook of the given rows written from the parts, read back by exceljs's reader. */
async function readBack(rows: (ExportCell | string)[][]): Promise<ExcelJS.Worksheet | undefined> {
  const zip = new ZipFile();
  const parts = workbookParts({ sheetName: "报送名单", creator: "测试", created: new Date("2025-01-02T03:04:05Z") });
  for (const [path, xml] of parts) zip.addBuffer(Buffer.from(xml), path);
  const columns = EXPORT_COLUMN_KINDS.slice(0, rows[0]?.length ?? 0).map((kind) => ({ kind, width: 10 }));
  const sheet = sheetStartXml(columns) + rows.map((r, i) => sheetRowXml(i + 1, r)).join("") + SHEET_END_XML;
  zip.addBuffer(Buffer.from(sheet), "xl/worksheets/sheet1.xml");
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream.pipe(new PassThrough())) chunks.push(chunk as Buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook.getWorksheet("报送名单");
}

describe("export workbook parts", () => {
  it("escapes markup and drops characters XML cannot carry", () => {
    expect(escapeXml(`a&b<c>"d"`)).toBe("a&amp;b&lt;c&gt;&quot;d&quot;");
    expect(escapeXml("x\u0000y\u0008z\u001F\uFFFE")).toBe("xyz");
    expect(escapeXml("tab\tand\nline")).toBe("tab\tand\nline");
    expect(escapeXml("lone \uD800 surrogate")).toBe("lone  surrogate");
    expect(escapeXml("𠀀 pair")).toBe("𠀀 pair");
  });

  it("writes text cells in the text format, credits as numbers, hours as numbers shown with one decimal", () => {
    expect(sheetRowXml(7, ["420102198503121238", " 李明"])).toBe(
      `<row r="7"><c r="A7" s="1" t="inlineStr"><is><t>420102198503121238</t></is></c>` +
        `<c r="B7" s="1" t="inlineStr"><is><t xml:space="preserve"> 李明</t></is></c></row>`,
    );
    expect(
      sheetRowXml(2, [
        { kind: "id", text: "420102198503121238" },
        { kind: "integer", value: 36 },
        { kind: "hours", tenths: 325 },
      ]),
    ).toBe(
      `<row r="2"><c r="A2" s="1" t="inlineStr"><is><t>420102198503121238</t></is></c>` +
        `<c r="B2"><v>36</v></c><c r="C2" s="2"><v>32.5</v></c></row>`,
    );
    expect(
      sheetStartXml([
        { kind: "id", width: 22 },
        { kind: "integer", width: 8 },
        { kind: "hours", width: 8 },
      ]),
    ).toContain(
      `<cols><col min="1" max="1" width="22" customWidth="1" style="1"/>` +
        `<col min="2" max="2" width="8" customWidth="1" style="0"/>` +
        `<col min="3" max="3" width="8" customWidth="1" style="2"/></cols>`,
    );
    const styles = new Map(workbookParts({ sheetName: "x", creator: "y", created: new Date(0) })).get("xl/styles.xml");
    expect(styles).toContain(`<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>`);
    expect(styles).toMatch(/<cellXfs count="3">(<xf [^>]*\/>){3}<\/cellXfs>/);
    expect(() =>
      sheetRowXml(
        1,
        Array.from({ length: 27 }, () => "x"),
      ),
    ).toThrow(RangeError);
  });

  it("reads back an export line as exceljs sees it: the ID number text, credits and hours numbers", async () => {
    const line = {
      idNumber: "420102198503121238",
      name: "李明",
      year: 2024,
      totalCredits: 96,
      professionalCredits: 60,
      publicCredits: 36,
      hoursTenths: 325,
      completedOn: "2025-01-01",
      districtName: "江岸区",
      kind: "CORRECTION" as const,
    };
    const sheet = await readBack([[...EXPORT_HEADER], exportCells(line), exportCells({ ...line, hoursTenths: 320 })]);
    expect(sheet?.getRow(1).values).toEqual([undefined, ...EXPORT_HEADER]);
    const row = sheet?.getRow(2);
    expect(row?.getCell(1).value).toBe("420102198503121238");
    expect(row?.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row?.getCell(1).numFmt).toBe("@");
    expect([4, 5, 6, 7].map((c) => row?.getCell(c).value)).toEqual([96, 60, 36, 32.5]);
    for (const c of [4, 5, 6, 7]) expect(row?.getCell(c).type).toBe(ExcelJS.ValueType.Number);
    expect(row?.getCell(7).numFmt).toBe("0.0");
    expect(sheet?.getRow(3).getCell(7).value).toBe(32);
    expect(row?.getCell(8).value).toBe("2025-01-01");
  });

  it("reads back as the same strings, ID numbers intact and typed as text", async () => {
    const rows: string[][] = [
      ["身份证号", "姓名"],
      ["42010219850312123X", "张<伟>&"],
      ["420102198503121238", "=1+1"],
    ];
    const sheet = await readBack(rows);
    for (const [i, row] of rows.entries()) {
      expect(sheet?.getRow(i + 1).getCell(1).value).toBe(row[0]);
      expect(sheet?.getRow(i + 1).getCell(1).type).toBe(ExcelJS.ValueType.String);
      expect(sheet?.getRow(i + 1).getCell(2).value).toBe(row[1]);
    }
  });

  it("keeps any printable text as it was", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: "grapheme", minLength: 1 }), { minLength: 2, maxLength: 2 }),
        async (cells) => {
          const kept = cells.map(escapeXml);
          const sheet = await readBack([cells]);
          // Unescaped back by the reader: what was written is what was given, minus non-XML characters.
          expect([1, 2].map((c) => sheet?.getRow(1).getCell(c).text)).toEqual(
            kept.map((k) =>
              k
                .replace(/&quot;/g, '"')
                .replace(/&lt;/g, "<")
                .replace(/&gt;/g, ">")
                .replace(/&amp;/g, "&"),
            ),
          );
        },
      ),
      { numRuns: 30 },
    );
  });
});
