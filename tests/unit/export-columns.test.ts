import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatHours } from "../../src/domain/credits";
import {
  csvIdNumber,
  csvLine,
  EXPORT_HEADER,
  exportFields,
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
};

describe("export file lines", () => {
  it("writes the columns of the header in order, the ID number as text for spreadsheets", () => {
    expect(EXPORT_HEADER).toHaveLength(10);
    expect(exportFields(line, "csv")).toEqual([
      "\t420102198503121238",
      "李明",
      "2024",
      "96",
      "60",
      "36",
      "32.0",
      "2025-01-01",
      "江岸区",
      TRAINING_INSTITUTION,
    ]);
    expect(exportFields(line, "xlsx")[0]).toBe("420102198503121238");
    expect(exportFields(line, "xlsx").slice(1)).toEqual(exportFields(line, "csv").slice(1));
    expect(csvIdNumber("42010219850312123X").trim()).toBe("42010219850312123X");
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
    expect(csvLine(["\t420102198503121238", "李明", 'a"b', "x,y", "1\n2"])).toBe(
      '\t420102198503121238,李明,"a""b","x,y","1\n2"\r\n',
    );
  });
});
