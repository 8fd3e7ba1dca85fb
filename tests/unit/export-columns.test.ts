import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatHours } from "../../src/domain/credits";
import {
  cellText,
  csvLine,
  EXPORT_COLUMN_KINDS,
  EXPORT_HEADER,
  exportCells,
  exportCsvLine,
  formatHoursTenths,
  shanghaiDate,
  spreadsheetSafe,
  TRAINING_INSTITUTION,
} from "../../src/domain/exports";
import { todayInShanghai } from "../../src/lib/time";

const line = {
  idNumber: "420102198503121238",
  name: "李明",
  year: 2024,
  totalCredits: 96,
  professionalCredits: 60,
  publicCredits: 36,
  hoursTenths: 320,
  completedOn: "2025-01-01",
  districtName: "江岸区",
  kind: "NEW" as const,
};

describe("export file lines", () => {
  it("gives the columns of the header in order, each of its column's kind", () => {
    expect(EXPORT_HEADER).toHaveLength(11);
    expect(EXPORT_COLUMN_KINDS).toHaveLength(EXPORT_HEADER.length);
    const cells = exportCells(line);
    expect(cells.map((c) => c.kind)).toEqual(EXPORT_COLUMN_KINDS);
    expect(cells).toEqual([
      { kind: "id", text: "420102198503121238" },
      { kind: "text", text: "李明" },
      { kind: "text", text: "2024" },
      { kind: "integer", value: 96 },
      { kind: "integer", value: 60 },
      { kind: "integer", value: 36 },
      { kind: "hours", tenths: 320 },
      { kind: "text", text: "2025-01-01" },
      { kind: "text", text: "江岸区" },
      { kind: "text", text: TRAINING_INSTITUTION },
      { kind: "text", text: "新报" },
    ]);
    expect(cells.map(cellText)).toEqual([
      "420102198503121238",
      "李明",
      "2024",
      "96",
      "60",
      "36",
      "32.0",
      "2025-01-01",
      "江岸区",
      TRAINING_INSTITUTION,
      "新报",
    ]);
    // Names keep their formula guard; credits that are not integers are a fault, not a line.
    expect(exportCells({ ...line, name: "=1+1" })[1]).toEqual({ kind: "text", text: "'=1+1" });
    expect(() => exportCells({ ...line, totalCredits: 1.5 })).toThrow(RangeError);
    expect(() => exportCells({ ...line, hoursTenths: Number.NaN })).toThrow(RangeError);
  });

  it("shows hours as the ledger's formatHours does, from stored tenths", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 1, max: 10 }), (total, perHour) => {
        // The SQL stores ROUND(total * 10 / perHour), half away from zero, as Math.round for positives.
        const tenths = Math.round((total * 10) / perHour);
        expect(formatHoursTenths(tenths)).toBe(formatHours(total / perHour));
      }),
    );
    expect(formatHoursTenths(5)).toBe("0.5");
  });

  it("dates in Asia/Shanghai as lib/time does", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1995-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), (d) => {
        expect(shanghaiDate(d)).toBe(todayInShanghai(d));
      }),
    );
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"]) expect(spreadsheetSafe(text)).toBe(`'${text}`);
    expect(spreadsheetSafe("欧阳·娜娜")).toBe("欧阳·娜娜");
    // Behind spaces or invisible characters, and in full-width forms, still a formula.
    for (const text of [" =1+1", "\u200B=1+1", "\u202E@SUM(A1)", "\uFEFF-1", "＝1+1"]) {
      expect(spreadsheetSafe(text)).toBe(`'${text}`);
    }
    expect(spreadsheetSafe("武汉 -1 号")).toBe("武汉 -1 号");
  });
});

describe("CSV lines", () => {
  it("parse back to the same fields, whatever they hold", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 2, maxLength: 6 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const width = rows[0]?.length ?? 0;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
          const text = table.map(csvLine).join("");
          expect(parse(text, { relax_column_count: false })).toEqual(table);
        },
      ),
    );
  });

  it("quotes only what must be quoted, and ends lines with CRLF", () => {
    expect(csvLine(["420102198503121238", "李明", 'a"b', "x,y", "1\n2"])).toBe(
      '420102198503121238,李明,"a""b","x,y","1\n2"\r\n',
    );
  });

  it("writes an export line with the ID number quoted, nothing before or after its 18 characters", () => {
    expect(exportCsvLine(line)).toBe(
      `"420102198503121238",李明,2024,96,60,36,32.0,2025-01-01,江岸区,${TRAINING_INSTITUTION},新报\r\n`,
    );
    expect(exportCsvLine({ ...line, idNumber: "42010219850312123X", name: "@x" })).toMatch(
      /^"42010219850312123X",'@x,/,
    );
  });

  it("parses back with a plain CSV reader to 18-character ID numbers and the line's figures", () => {
    const idNumber = fc.tuple(fc.stringMatching(/^\d{17}$/), fc.constantFrom(..."0123456789X")).map(([a, b]) => a + b);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            idNumber,
            name: fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
            totalCredits: fc.nat(500),
            hoursTenths: fc.nat(2_000),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (lines) => {
          const file = "\uFEFF" + csvLine(EXPORT_HEADER) + lines.map((l) => exportCsvLine({ ...line, ...l })).join("");
          const records: string[][] = parse(file, { bom: true, relax_column_count: false });
          expect(records[0]).toEqual([...EXPORT_HEADER]);
          for (const [i, l] of lines.entries()) {
            const record = records[i + 1] ?? [];
            expect(record[0]).toBe(l.idNumber);
            expect(record[0]).toMatch(/^[0-9X]{18}$/);
            expect(record[3]).toBe(String(l.totalCredits));
            expect(Number(record[6])).toBe(l.hoursTenths / 10);
          }
        },
      ),
    );
  });
});
