import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { ZipFile } from "yazl";
import { describe, expect, it } from "vitest";
import {
  escapeXml,
  SHEET_END_XML,
  sheetRowXml,
  sheetStartXml,
  workbookParts,
} from "../../src/domain/exports/xlsx-parts";

/** A workbook of the given rows written from the parts, read back by exceljs's reader. */
async function readBack(rows: string[][]): Promise<ExcelJS.Worksheet | undefined> {
  const zip = new ZipFile();
  const parts = workbookParts({ sheetName: "报送名单", creator: "测试", created: new Date("2025-01-02T03:04:05Z") });
  for (const [path, xml] of parts) zip.addBuffer(Buffer.from(xml), path);
  const sheet = sheetStartXml([10, 10]) + rows.map((r, i) => sheetRowXml(i + 1, r)).join("") + SHEET_END_XML;
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

  it("writes a row of text cells in the text format with their references", () => {
    expect(sheetRowXml(7, ["420102198503121238", " 李明"])).toBe(
      `<row r="7"><c r="A7" s="1" t="inlineStr"><is><t>420102198503121238</t></is></c>` +
        `<c r="B7" s="1" t="inlineStr"><is><t xml:space="preserve"> 李明</t></is></c></row>`,
    );
    expect(() =>
      sheetRowXml(
        1,
        Array.from({ length: 27 }, () => "x"),
      ),
    ).toThrow(RangeError);
  });

  it("reads back as the same strings, ID numbers intact and typed as text", async () => {
    const rows = [
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
