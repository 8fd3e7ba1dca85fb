/**
 * The columns of the import template (信息采集表) and how a spreadsheet's header row maps onto
 * them. Headers are matched loosely: bureaus rename columns ("身份证号码", "单位名称"), mark
 * required ones with "*" and add notes in brackets ("起始年度（如2026）").
 */
export const IMPORT_COLUMNS = [
  {
    key: "idNumber",
    header: "身份证号",
    required: true,
    aliases: ["身份证号码", "公民身份号码", "证件号码", "身份证"],
  },
  { key: "name", header: "姓名", required: true, aliases: ["学员姓名"] },
  { key: "district", header: "所属区", required: true, aliases: ["所属区域", "所在区", "区", "区域", "登记区"] },
  { key: "employer", header: "工作单位", required: true, aliases: ["单位", "单位名称", "工作单位名称"] },
  {
    key: "qualification",
    header: "会计专业技术资格",
    required: true,
    aliases: ["专业技术资格", "会计资格", "资格", "资格等级", "会计专业技术资格等级"],
  },
  { key: "startYear", header: "起始年度", required: true, aliases: ["起始年份", "开始年度", "继续教育起始年度"] },
  { key: "mobile", header: "手机号码", required: false, aliases: ["手机", "手机号", "联系电话", "移动电话"] },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]["key"];

/** Where each column sits in the file's rows (0-based); null for an optional column left out. */
export type ColumnIndexes = Readonly<Record<ImportColumnKey, number | null>>;

export const IMPORT_HEADERS: readonly string[] = IMPORT_COLUMNS.map((c) => c.header);

function canonicalHeader(cell: string): string {
  return cell
    .normalize("NFKC")
    .replace(/^\uFEFF/u, "")
    .replace(/\(.*?\)/gu, "")
    .replace(/[\s*:：]/gu, "");
}

const LOOKUP = new Map<string, ImportColumnKey>(
  IMPORT_COLUMNS.flatMap((column) => [column.header, ...column.aliases].map((name) => [name, column.key] as const)),
);

export type THeaderMapping = { ok: true; indexes: ColumnIndexes } | { ok: false; reason: string };

/** Maps one header row; missing required columns and repeated columns are reported by name. */
export function mapHeaderRow(cells: readonly string[]): THeaderMapping {
  const found = new Map<ImportColumnKey, number>();
  const repeated = new Set<string>();
  cells.forEach((cell, index) => {
    const key = LOOKUP.get(canonicalHeader(cell));
    if (!key) return;
    if (found.has(key)) repeated.add(IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key);
    else found.set(key, index);
  });
  if (repeated.size > 0) return { ok: false, reason: `表头中以下列出现了不止一次：${[...repeated].join("、")}` };
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !found.has(c.key)).map((c) => c.header);
  if (missing.length > 0) return { ok: false, reason: `缺少以下列：${missing.join("、")}` };
  const at = (key: ImportColumnKey) => found.get(key) ?? null;
  return {
    ok: true,
    indexes: {
      idNumber: at("idNumber"),
      name: at("name"),
      district: at("district"),
      employer: at("employer"),
      qualification: at("qualification"),
      startYear: at("startYear"),
      mobile: at("mobile"),
    },
  };
}

/** How many leading rows may precede the header (a title such as "武昌区信息采集表"). */
export const HEADER_SEARCH_ROWS = 5;

/**
 * The header among the first rows: the first that maps. When none does, the reason given is
 * the first row's, which is where the template puts it.
 */
export function findHeaderRow(
  rows: readonly (readonly string[])[],
): { ok: true; index: number; indexes: ColumnIndexes } | { ok: false; reason: string } {
  let firstReason: string | null = null;
  for (const [index, cells] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
    if (cells.every((c) => c.trim() === "")) continue;
    const mapping = mapHeaderRow(cells);
    if (mapping.ok) return { ok: true, index, indexes: mapping.indexes };
    firstReason ??= mapping.reason;
  }
  return {
    ok: false,
    reason: `未找到表头（${firstReason ?? "文件是空的"}）。第一行应为：${IMPORT_HEADERS.join("、")}；请使用下载的模板。`,
  };
}
