import ExcelJS from "exceljs";
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { IMPORT_HEADERS, IMPRECISE_ID_REASON } from "../../src/domain/import";
import { currentYear } from "../../src/lib/time";
import { commitImportFile, dryRunImport } from "../../src/server/actions/import";
import { verifyLearnerLogin } from "../../src/server/auth/verify-learner-login";
import { getDb } from "../../src/server/db";
import { createLearner, createStaff, uniqueIdNumber } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { signInAs, signOutAll } from "../support/session-mock";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const YEAR = String(currentYear());
const FULL_ID_NUMBER = /\d{17}[\dX]/;

function csvFile(rows: readonly (readonly string[])[], name = "信息采集.csv"): File {
  const text = [IMPORT_HEADERS, ...rows].map((row) => row.join(",")).join("\r\n");
  return new File([`\uFEFF${text}\r\n`], name, { type: "text/csv" });
}

function row(
  idNumber: string,
  over: Partial<Record<"name" | "district" | "employer" | "qual" | "year" | "mobile", string>> = {},
) {
  return [
    idNumber,
    over.name ?? "导入学员",
    over.district ?? "武昌区",
    over.employer ?? "武昌区某公司",
    over.qual ?? "初级",
    over.year ?? YEAR,
    over.mobile ?? "",
  ];
}

async function state() {
  const db = getDb();
  return {
    learners: await db.learner.findMany({ orderBy: { id: "asc" } }),
    audits: await db.auditLog.count(),
  };
}

async function dryRun(file: File) {
  const result = await dryRunImport(null, { file });
  if (!result.ok) throw new Error(`dry run refused: ${result.code} ${result.message}`);
  return result.data;
}

describe("bulk import", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
  });

  /** A 武昌区 administrator's file exercising every kind of row. */
  async function mixedFile() {
    const wuchang = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" });
    const same = uniqueIdNumber();
    const edited = uniqueIdNumber();
    const elsewhere = uniqueIdNumber();
    const twice = uniqueIdNumber();
    const fresh = uniqueIdNumber();
    await createLearner({
      idNumber: same,
      name: "未变",
      districtCode: "wuchang",
      employer: "武昌区某公司",
      qualification: "JUNIOR",
    });
    const changed = await createLearner({
      idNumber: edited,
      name: "变更",
      districtCode: "wuchang",
      employer: "旧单位",
      qualification: "JUNIOR",
    });
    await createLearner({ idNumber: elsewhere, districtCode: "jiangan" });
    const file = csvFile([
      row(fresh, { name: "新学员", mobile: "13912345678" }), // 2
      row(same, { name: "未变" }), // 3
      row(edited, { name: "变更", qual: "中级" }), // 4
      row(`${fresh.slice(0, 17)}${fresh.endsWith("0") ? "1" : "0"}`), // 5
      row(elsewhere), // 6
      row(uniqueIdNumber(), { district: "江岸区" }), // 7
      row(twice, { name: "重复甲" }), // 8
      row(twice, { name: "重复乙" }), // 9
      row(uniqueIdNumber(), { qual: "注册会计师" }), // 10
    ]);
    return { wuchang, file, fresh, changed };
  }

  it("dry run: classifies new / changed / unchanged / invalid rows with row numbers and Chinese reasons, writing nothing", async () => {
    const { wuchang, file } = await mixedFile();
    signInAs("staff", wuchang.id);
    const before = await state();
    const report = await dryRun(file);
    expect(report.counts).toEqual({ new: 1, changed: 1, unchanged: 1, invalid: 6 });
    const byRow = new Map(report.rows.map((r) => [r.rowNumber, r]));
    expect(byRow.get(2)).toMatchObject({ kind: "new", name: "新学员", districtName: "武昌区" });
    expect(byRow.get(3)).toMatchObject({ kind: "unchanged" });
    expect(byRow.get(4)).toMatchObject({
      kind: "changed",
      changes: [
        { label: "工作单位", before: "旧单位", after: "武昌区某公司" },
        { label: "会计专业技术资格", before: "初级", after: "中级" },
      ],
    });
    expect(byRow.get(5)).toMatchObject({ kind: "invalid", reasons: ["身份证号校验位不正确，请核对最后一位"] });
    expect(byRow.get(6)).toMatchObject({ kind: "invalid", reasons: ["该身份证号已在江岸区登记，不能重复采集"] });
    expect(byRow.get(7)).toMatchObject({ kind: "invalid", reasons: ["您不能为江岸区登记学员"] });
    expect(byRow.get(8)?.reasons).toEqual(["文件中身份证号重复（第 8、9 行），请核对后只保留一行"]);
    expect(byRow.get(9)?.kind).toBe("invalid");
    expect(byRow.get(10)?.reasons).toEqual(["会计专业技术资格应为 无、初级、中级 或 高级"]);
    expect(JSON.stringify(report)).not.toMatch(FULL_ID_NUMBER);
    expect(await state()).toEqual(before);
  });

  it("commit: applies the valid rows in one go, audit-logged as one import plus one entry per learner", async () => {
    const { wuchang, file, fresh, changed } = await mixedFile();
    signInAs("staff", wuchang.id);
    const { digest } = await dryRun(file);
    // The file's name is the administrator's to choose, and may hold an ID number.
    const named = new File([file], `${fresh}.csv`);
    const committed = await commitImportFile(null, { file: named, digest });
    expect(committed).toMatchObject({ ok: true, data: { created: 1, updated: 1 } });

    const db = getDb();
    const updated = await db.learner.findUniqueOrThrow({ where: { id: changed.id } });
    expect(updated).toMatchObject({ employer: "武昌区某公司", qualification: "INTERMEDIATE" });
    expect(await verifyLearnerLogin({ idNumber: fresh, name: "新学员" }, "198.51.100.20")).toMatchObject({ ok: true });
    const created = await db.learner.findFirstOrThrow({ where: { name: "新学员" } });
    expect(created).toMatchObject({ registeredById: wuchang.id, mobile: "13912345678", status: "ACTIVE" });

    const audit = await db.auditLog.findMany({
      where: { action: { startsWith: "learner.import" } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.targetType, a.actorId])).toEqual([
      ["learner.import", "Import", wuchang.id],
      ["learner.import.create", "Learner", wuchang.id],
      ["learner.import.update", "Learner", wuchang.id],
    ]);
    expect(audit[0]?.details).toMatchObject({
      fileName: `${fresh.slice(0, 4)}**********${fresh.slice(-4)}.csv`,
      counts: { new: 1, changed: 1, unchanged: 1, invalid: 6 },
    });
    expect(audit[2]?.details).toMatchObject({
      rowNumber: 4,
      changes: { employer: { before: "旧单位", after: "武昌区某公司" } },
    });
    for (const entry of await db.auditLog.findMany())
      expect(JSON.stringify(entry.details ?? {})).not.toMatch(FULL_ID_NUMBER);

    // The same file again: nothing left to do.
    const again = await dryRun(file);
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 3 });
    expect(await commitImportFile(null, { file, digest: again.digest })).toMatchObject({
      ok: false,
      code: "NOTHING_TO_IMPORT",
    });
  });

  it("commit: refuses a file or data that changed since the dry run, writing nothing", async () => {
    const { wuchang, file, fresh } = await mixedFile();
    signInAs("staff", wuchang.id);
    const { digest } = await dryRun(file);
    const other = csvFile([row(uniqueIdNumber())]);
    const before = await state();
    expect(await commitImportFile(null, { file: other, digest })).toMatchObject({ ok: false, code: "PLAN_CHANGED" });
    expect(await state()).toEqual(before);
    // Meanwhile another bureau registered the new row's person.
    await createLearner({ idNumber: fresh, districtCode: "hongshan" });
    const moved = await state();
    expect(await commitImportFile(null, { file, digest })).toMatchObject({ ok: false, code: "PLAN_CHANGED" });
    expect(await state()).toEqual(moved);
  });

  it.each([
    [
      "an UPDATE of a changed row",
      `ALTER TABLE "Learner" ADD CONSTRAINT import_test_fail CHECK ("employer" <> '触发失败单位') NOT VALID`,
      `ALTER TABLE "Learner" DROP CONSTRAINT import_test_fail`,
    ],
    [
      "the audit entries after every learner row",
      `ALTER TABLE "AuditLog" ADD CONSTRAINT import_test_fail CHECK ("action" <> 'learner.import.update') NOT VALID`,
      `ALTER TABLE "AuditLog" DROP CONSTRAINT import_test_fail`,
    ],
  ])("commit is all or nothing: a database failure in %s leaves no row written", async (_where, add, drop) => {
    const wuchang = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" });
    const existing = uniqueIdNumber();
    await createLearner({
      idNumber: existing,
      name: "已有",
      districtCode: "wuchang",
      employer: "旧单位",
      qualification: "JUNIOR",
    });
    const rows = Array.from({ length: 30 }, () => row(uniqueIdNumber()));
    const file = csvFile([...rows, row(existing, { name: "已有", employer: "触发失败单位" })]);
    signInAs("staff", wuchang.id);
    const { digest, counts } = await dryRun(file);
    expect(counts).toMatchObject({ new: 30, changed: 1 });
    const before = await state();
    await getDb().$executeRawUnsafe(add);
    try {
      expect(await commitImportFile(null, { file, digest })).toMatchObject({ ok: false, code: "IMPORT_FAILED" });
    } finally {
      await getDb().$executeRawUnsafe(drop);
    }
    expect(await state()).toEqual(before);
  });

  it("commit: a person registered by someone else while the import runs aborts it, writing nothing", async () => {
    const wuchang = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" });
    signInAs("staff", wuchang.id);
    const file = csvFile([row(uniqueIdNumber()), row(uniqueIdNumber(), { name: "并发冲突" })]);
    const { digest } = await dryRun(file);
    const before = await state();
    // Stands in for a bureau committing the same person between the import's check and its
    // insert: a row with the same ID-number HMAC appears just before the import's own.
    await getDb().$executeRawUnsafe(`
      CREATE FUNCTION import_test_race() RETURNS trigger AS $$ BEGIN
        IF NEW."name" = '并发冲突' AND pg_trigger_depth() = 1 THEN
          INSERT INTO "Learner" SELECT (NEW).* FROM (SELECT 1) AS one;
          UPDATE "Learner" SET "id" = 'race-' || "id", "name" = '他区登记' WHERE "id" = NEW."id";
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await getDb().$executeRawUnsafe(
      `CREATE TRIGGER import_test_race BEFORE INSERT ON "Learner" FOR EACH ROW EXECUTE FUNCTION import_test_race()`,
    );
    try {
      expect(await commitImportFile(null, { file, digest })).toMatchObject({ ok: false, code: "IMPORT_CONFLICT" });
    } finally {
      await getDb().$executeRawUnsafe(`DROP TRIGGER import_test_race ON "Learner"`);
      await getDb().$executeRawUnsafe(`DROP FUNCTION import_test_race()`);
    }
    expect(await state()).toEqual(before);
  });

  it.each([
    ["support", "FORBIDDEN"],
    ["learner", "UNAUTHENTICATED"],
    ["none", "UNAUTHENTICATED"],
  ] as const)("refuses dry run and commit as %s", async (who, code) => {
    const support = await createStaff({ role: "SUPPORT" });
    const learner = await createLearner();
    if (who === "support") signInAs("staff", support.id);
    else if (who === "learner") signInAs("learner", learner.id);
    const file = csvFile([row(uniqueIdNumber())]);
    const before = await state();
    expect(await dryRunImport(null, { file })).toMatchObject({ ok: false, code });
    expect(await commitImportFile(null, { file, digest: "0".repeat(64) })).toMatchObject({ ok: false, code });
    expect(await state()).toEqual(before);
  });

  it("lets the city office import into any district and move a learner between districts", async () => {
    const city = await createStaff({ role: "CITY_ADMIN" });
    const moving = uniqueIdNumber();
    const learner = await createLearner({
      idNumber: moving,
      name: "转区",
      districtCode: "jiangan",
      employer: "某单位",
      qualification: "JUNIOR",
    });
    signInAs("staff", city.id);
    const file = csvFile([
      row(uniqueIdNumber(), { district: "江岸区" }),
      row(uniqueIdNumber(), { district: "东湖高新区" }),
      row(moving, { name: "转区", district: "洪山区", employer: "某单位" }),
    ]);
    const report = await dryRun(file);
    expect(report.counts).toEqual({ new: 2, changed: 1, unchanged: 0, invalid: 0 });
    expect(report.rows.find((r) => r.kind === "changed")?.changes).toEqual([
      { label: "所属区", before: "江岸区", after: "洪山区" },
    ]);
    expect(await commitImportFile(null, { file, digest: report.digest })).toMatchObject({ ok: true });
    const moved = await getDb().learner.findUniqueOrThrow({ where: { id: learner.id }, include: { district: true } });
    expect(moved.district.name).toBe("洪山区");
  });

  it("reads .xlsx workbooks: a title row, text and numeric cells, and refuses IDs Excel stored as numbers", async () => {
    const wuchang = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("采集");
    sheet.addRow(["武昌区信息采集表"]);
    sheet.addRow([...IMPORT_HEADERS]);
    const good = uniqueIdNumber();
    sheet.addRow([good, "表格学员", "武昌区", "某单位", "高级", Number(YEAR), 13912345678]);
    let digitsOnly = uniqueIdNumber();
    while (digitsOnly.endsWith("X")) digitsOnly = uniqueIdNumber();
    sheet.addRow([Number(digitsOnly), "数字学员", "武昌区", "某单位", "初级", YEAR, ""]);
    const rich = uniqueIdNumber();
    sheet.addRow([
      { richText: [{ text: rich.slice(0, 9) }, { text: rich.slice(9) }] },
      "富文本",
      "武昌区",
      "某单位",
      "初级",
      YEAR,
      "",
    ]);
    const file = new File([new Uint8Array(await workbook.xlsx.writeBuffer())], "采集.xlsx");
    signInAs("staff", wuchang.id);
    const report = await dryRun(file);
    const byRow = new Map(report.rows.map((r) => [r.rowNumber, r]));
    expect(report.counts).toEqual({ new: 2, changed: 0, unchanged: 0, invalid: 1 });
    expect(byRow.get(3)).toMatchObject({ kind: "new", name: "表格学员" });
    expect(byRow.get(4)?.reasons).toEqual([IMPRECISE_ID_REASON]);
    expect(byRow.get(5)).toMatchObject({ kind: "new", name: "富文本" });
    expect(await commitImportFile(null, { file, digest: report.digest })).toMatchObject({ ok: true });
    expect(await getDb().learner.findFirst({ where: { name: "表格学员" } })).toMatchObject({
      qualification: "SENIOR",
      startYear: Number(YEAR),
      mobile: "13912345678",
    });
  });

  it("reads GBK CSV files saved by Excel, and explains files it cannot take", async () => {
    const wuchang = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" });
    signInAs("staff", wuchang.id);
    const text = [IMPORT_HEADERS, row(uniqueIdNumber(), { name: "国标编码" })].map((r) => r.join(",")).join("\r\n");
    const report = await dryRun(new File([gbk(text)], "gbk.csv"));
    expect(report.rows).toMatchObject([{ kind: "new", name: "国标编码", districtName: "武昌区" }]);

    const refusals: [File, string][] = [
      [
        new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])], "old.xls"),
        "不支持 Excel 97-2003 格式（.xls），请在 Excel 中另存为 .xlsx 后再上传",
      ],
      [new File(["编号,名字\r\n1,张三\r\n"], "x.csv"), "未找到表头"],
      [new File([`${IMPORT_HEADERS.join(",")}\r\n`], "x.csv"), "文件中除表头外没有学员数据"],
      [new File([new Uint8Array(5 * 1024 * 1024 + 1)], "big.csv"), "文件不能超过 5 MB，请拆分后分批导入"],
    ];
    for (const [file, message] of refusals) {
      const result = await dryRunImport(null, { file });
      expect(result.ok).toBe(false);
      expect(!result.ok && [result.message, ...Object.values(result.fieldErrors ?? {}).flat()].join(" ")).toContain(
        message,
      );
    }
  });
});

/** GBK bytes of a string, from the platform's GB18030 decoder (Node has no GBK encoder). */
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
