import { describe, expect, it } from "vitest";
import { computeCheckCharacter } from "../../src/domain/identity";
import {
  IMPRECISE_ID_REASON,
  classifyImportRow,
  mapHeaderRow,
  validateImportRows,
  type ExistingLearner,
  type ImportDistrict,
  type ImportRowValue,
  type RawImportRow,
} from "../../src/domain/import";

const TODAY = "2026-06-30";
const DISTRICTS: ImportDistrict[] = [
  { id: 1, code: "city", name: "武汉市", kind: "CITY", officeName: "武汉市会计考办" },
  { id: 2, code: "jiangan", name: "江岸区", kind: "DISTRICT", officeName: "江岸区财政局" },
  { id: 6, code: "wuchang", name: "武昌区", kind: "DISTRICT", officeName: "武昌区财政局" },
  { id: 15, code: "donghu-hitech", name: "东湖新技术开发区", kind: "ZONE", officeName: "东湖新技术开发区财政局" },
];
const HEADER = ["身份证号", "姓名", "所属区", "工作单位", "会计专业技术资格", "起始年度", "手机号码"];
const mapping = mapHeaderRow(HEADER);
if (!mapping.ok) throw new Error("the template header must map");
const INDEXES = mapping.indexes;

function id(birth: string, sequence = "123", area = "420106"): string {
  const first17 = `${area}${birth}${sequence}`;
  return first17 + computeCheckCharacter(first17);
}
const A = id("19900101");
const B = id("19851212", "242");

let rowNumber = 1;
function row(
  cells: Partial<Record<"id" | "name" | "district" | "employer" | "qual" | "year" | "mobile", string>>,
): RawImportRow {
  rowNumber++;
  return {
    rowNumber,
    cells: [
      cells.id ?? A,
      cells.name ?? "张三",
      cells.district ?? "武昌区",
      cells.employer ?? "武昌区某某公司",
      cells.qual ?? "初级",
      cells.year ?? "2026",
      cells.mobile ?? "",
    ],
  };
}

const cityAdmin = { districts: DISTRICTS, manages: () => true, currentYear: 2026, today: TODAY };
const wuchangAdmin = { ...cityAdmin, manages: (districtId: number) => districtId === 6 };

describe("validateImportRows: one row at a time", () => {
  it("normalizes a valid row: ID number, name, district spellings, qualification words, mobile", () => {
    const [result] = validateImportRows(
      [
        row({
          id: ` ${A.slice(0, 6)} ${A.slice(6)} `,
          name: " 买买提.艾力 ",
          district: "武昌",
          qual: "中级会计师",
          mobile: "139 1234 5678",
        }),
      ],
      INDEXES,
      cityAdmin,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        idNumber: A,
        idNumberMasked: `${A.slice(0, 4)}**********${A.slice(-4)}`,
        gender: "M",
        birthDate: "1990-01-01",
        name: "买买提·艾力",
        districtId: 6,
        districtName: "武昌区",
        qualification: "INTERMEDIATE",
        startYear: 2026,
        mobile: "13912345678",
      },
    });
  });

  it.each([
    ["the office name", "武昌区财政局", 6],
    ["the code", "wuchang", 6],
    ["a zone's everyday name", "东湖高新区", 15],
    ["full-width spaces", "武昌区　", 6],
  ])("finds the district by %s", (_what, district, districtId) => {
    const [result] = validateImportRows([row({ district })], INDEXES, cityAdmin);
    expect(result?.ok && result.value.districtId).toBe(districtId);
  });

  it.each([
    [
      "an ID number with a wrong check character",
      { id: `${A.slice(0, 17)}${A.endsWith("0") ? "1" : "0"}` },
      "身份证号校验位不正确，请核对最后一位",
    ],
    ["an ID number of 17 digits", { id: A.slice(0, 17) }, "身份证号应为18位"],
    ["an ID number in scientific notation (a CSV saved by Excel)", { id: "4.20106E+17" }, IMPRECISE_ID_REASON],
    ["a missing ID number", { id: "" }, "身份证号未填写"],
    ["a name with digits", { name: "张三1" }, "姓名中不能包含数字"],
    ["a missing name", { name: " " }, "姓名未填写"],
    ["an unknown district", { district: "汉口区" }, "所属区“汉口区”不是武汉市的区或功能区"],
    ["the city office as district", { district: "武汉市" }, "所属区应填写学员所在的区，不能填写市会计考办"],
    ["an unknown qualification", { qual: "注册会计师" }, "会计专业技术资格应为 无、初级、中级 或 高级"],
    ["a start year before the rules", { year: "2017" }, "起始年度不能早于2018年"],
    ["a start year two years ahead", { year: "2028" }, "起始年度不能晚于下一年度"],
    ["a start year that is not a year", { year: "明年" }, "起始年度应为四位数字年份，如 2026"],
    ["a bad mobile", { mobile: "12345" }, "手机号码应为以1开头的11位数字"],
    ["a missing employer", { employer: "" }, "工作单位未填写"],
  ])("refuses %s with its reason", (_what, cells, reason) => {
    const [result] = validateImportRows([row(cells)], INDEXES, cityAdmin);
    expect(result).toMatchObject({ ok: false });
    expect(result?.ok === false && result.reasons).toContain(reason);
  });

  it("reports every mistake of a row at once, with the masked number when it parses", () => {
    const [result] = validateImportRows([row({ name: "", qual: "x", year: "1999" })], INDEXES, cityAdmin);
    expect(result).toEqual({
      rowNumber: expect.any(Number),
      ok: false,
      reasons: ["姓名未填写", "会计专业技术资格应为 无、初级、中级 或 高级", "起始年度不能早于2018年"],
      idNumberMasked: `${A.slice(0, 4)}**********${A.slice(-4)}`,
      name: null,
    });
  });

  it("refuses an ID number that Excel stored as a number (its last digits are lost)", () => {
    const raw = { ...row({ id: "420106199001011000" }), impreciseColumns: [0] };
    const [result] = validateImportRows([raw], INDEXES, cityAdmin);
    expect(result?.ok === false && result.reasons).toEqual([IMPRECISE_ID_REASON]);
  });

  it("refuses a district the administrator does not manage", () => {
    const [own, other] = validateImportRows([row({}), row({ id: B, district: "江岸区" })], INDEXES, wuchangAdmin);
    expect(own?.ok).toBe(true);
    expect(other?.ok === false && other.reasons).toEqual(["您不能为江岸区登记学员"]);
  });
});

describe("validateImportRows: the file as a whole", () => {
  it("marks every row sharing an ID number invalid, naming the rows", () => {
    const rows = [row({}), row({ id: B }), row({ id: A.toLowerCase(), name: "李四" })];
    const [first, second, third] = validateImportRows(rows, INDEXES, cityAdmin);
    const reason = `文件中身份证号重复（第 ${rows[0]?.rowNumber}、${rows[2]?.rowNumber} 行），请核对后只保留一行`;
    expect(first?.ok === false && first.reasons).toEqual([reason]);
    expect(second?.ok).toBe(true);
    expect(third?.ok === false && third.reasons).toEqual([reason]);
  });

  it("keeps the row numbers it was given", () => {
    const rows = validateImportRows([{ rowNumber: 7, cells: row({}).cells }], INDEXES, cityAdmin);
    expect(rows[0]?.rowNumber).toBe(7);
  });
});

describe("classifyImportRow", () => {
  const [validated] = validateImportRows([row({ mobile: "13912345678" })], INDEXES, cityAdmin);
  if (!validated?.ok) throw new Error("fixture row must be valid");
  const value: ImportRowValue = validated.value;
  const existing: ExistingLearner = {
    id: "learner-1",
    name: "张三",
    districtId: 6,
    districtName: "武昌区",
    employer: "武昌区某某公司",
    qualification: "JUNIOR",
    startYear: 2026,
    mobile: "13912345678",
    status: "ACTIVE",
  };
  const manages = (districtId: number) => districtId === 6;

  it("is new when nobody has the number", () => {
    expect(classifyImportRow(2, value, undefined, { manages }).kind).toBe("new");
  });

  it("is unchanged when every field matches, and an empty mobile cell keeps the stored number", () => {
    expect(classifyImportRow(2, value, existing, { manages }).kind).toBe("unchanged");
    expect(classifyImportRow(2, { ...value, mobile: null }, existing, { manages }).kind).toBe("unchanged");
  });

  it("lists what changes, in display words", () => {
    const planned = classifyImportRow(2, { ...value, employer: "新单位", qualification: "SENIOR" }, existing, {
      manages,
    });
    expect(planned).toMatchObject({
      kind: "changed",
      learnerId: "learner-1",
      changes: [
        { field: "employer", before: "武昌区某某公司", after: "新单位" },
        { field: "qualification", before: "初级", after: "高级" },
      ],
    });
  });

  it("is invalid when another district registered the person, naming it", () => {
    const planned = classifyImportRow(2, value, { ...existing, districtId: 2, districtName: "江岸区" }, { manages });
    expect(planned).toMatchObject({ kind: "invalid", reasons: ["该身份证号已在江岸区登记，不能重复采集"] });
  });

  it("refuses a later start year that would strand credits already recorded", () => {
    const older = { ...existing, startYear: 2024 };
    expect(classifyImportRow(2, value, older, { manages, earliestCreditYear: 2024 })).toMatchObject({
      kind: "invalid",
      reasons: ["该学员在 2024 年已有学分记录，起始年度不能晚于 2024 年"],
    });
    expect(classifyImportRow(2, value, older, { manages }).kind).toBe("changed");
  });
});
