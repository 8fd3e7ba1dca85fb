import { describe, expect, it } from "vitest";
import {
  decodeCsvBytes,
  findHeaderRow,
  IMPORT_HEADERS,
  importReport,
  mapHeaderRow,
  type PlannedImportRow,
} from "../../src/domain/import";

describe("mapHeaderRow", () => {
  it("maps the template's header in any column order", () => {
    const shuffled = ["姓名", "手机号码", "身份证号", "起始年度", "工作单位", "所属区", "会计专业技术资格"];
    expect(mapHeaderRow(shuffled)).toEqual({
      ok: true,
      indexes: { name: 0, mobile: 1, idNumber: 2, startYear: 3, employer: 4, district: 5, qualification: 6 },
    });
  });

  it("accepts the usual renamings, required-field stars, notes in brackets and a BOM", () => {
    const header = ["\uFEFF*身份证号码", "姓名 ", "所属区域", "单位名称", "资格", "起始年度（如2026）", "联系电话"];
    expect(mapHeaderRow(header)).toMatchObject({
      ok: true,
      indexes: { idNumber: 0, employer: 3, startYear: 5, mobile: 6 },
    });
  });

  it("leaves the optional mobile column out, and names missing and repeated columns", () => {
    expect(mapHeaderRow(IMPORT_HEADERS.slice(0, 6))).toMatchObject({ ok: true, indexes: { mobile: null } });
    expect(mapHeaderRow(["身份证号", "姓名"])).toEqual({
      ok: false,
      reason: "缺少以下列：所属区、工作单位、会计专业技术资格、起始年度",
    });
    expect(mapHeaderRow([...IMPORT_HEADERS, "身份证号码"])).toEqual({
      ok: false,
      reason: "表头中以下列出现了不止一次：身份证号",
    });
  });
});

describe("findHeaderRow", () => {
  it("skips a title row above the header", () => {
    const rows = [["武昌区2026年信息采集表"], [], [...IMPORT_HEADERS], ["420106..."]];
    expect(findHeaderRow(rows)).toMatchObject({ ok: true, index: 2 });
  });

  it("explains what the first row should be when no header is found", () => {
    const result = findHeaderRow([
      ["编号", "名字"],
      ["1", "张三"],
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain("第一行应为：身份证号、姓名、所属区");
  });
});

/** GBK bytes of a string, built from the platform's GB18030 decoder (Node has no GBK encoder). */
function gbk(text: string): Uint8Array<ArrayBuffer> {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (table.get(c) ?? []))));
}

describe("decodeCsvBytes", () => {
  const text = "身份证号,姓名\r\n420106199001011234,张三\r\n";

  it("reads UTF-8 with and without a byte-order mark", () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeCsvBytes(utf8)).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: "utf-8" });
  });

  it("reads the GBK that Excel on Chinese Windows writes", () => {
    expect(decodeCsvBytes(gbk(text))).toEqual({ text, encoding: "gb18030" });
  });

  it("refuses UTF-16 with advice", () => {
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x2c, 0x00]))).toMatchObject({
      error: expect.stringContaining("UTF-8"),
    });
  });
});

describe("importReport", () => {
  const planned = (rowNumber: number, kind: "invalid" | "new"): PlannedImportRow =>
    kind === "invalid"
      ? { kind, rowNumber, reasons: ["姓名未填写"], idNumberMasked: null, name: null }
      : {
          kind,
          rowNumber,
          idNumberMasked: "4201**********1234",
          name: "张三",
          value: {
            idNumber: "420106199001011234",
            idNumberMasked: "4201**********1234",
            gender: "M",
            birthDate: "1990-01-01",
            name: "张三",
            districtId: 6,
            districtName: "武昌区",
            employer: "某单位",
            qualification: "JUNIOR",
            startYear: 2026,
            mobile: null,
          },
        };

  it("counts every row, shows a bounded number of each kind, and never carries a full ID number", () => {
    const rows = [planned(2, "invalid"), ...Array.from({ length: 5 }, (_, i) => planned(3 + i, "new"))];
    const report = importReport(rows, 3);
    expect(report.counts).toEqual({ new: 5, changed: 0, unchanged: 0, invalid: 1 });
    expect(report.hidden).toEqual({ new: 2, changed: 0, unchanged: 0, invalid: 0 });
    expect(report.rows.map((r) => [r.rowNumber, r.kind])).toEqual([
      [2, "invalid"],
      [3, "new"],
      [4, "new"],
      [5, "new"],
    ]);
    expect(JSON.stringify(report)).not.toMatch(/\d{17}[\dX]/);
  });
});
