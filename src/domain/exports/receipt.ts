/**
 * The provincial system's receipt (回执) of a batch: its columns, how a header row maps onto them
 * and what one line says. Pure; matching the lines against the batch is the server's
 * (src/server/exports/plan-receipt.ts). Headers are matched loosely, as the learner import does.
 */
import { normalizeName, parseIdNumber } from "@/domain/identity";

export const RECEIPT_COLUMNS = [
  { key: "idNumber", header: "身份证号", aliases: ["身份证号码", "公民身份号码", "证件号码"] },
  { key: "name", header: "姓名", aliases: ["学员姓名"] },
  { key: "year", header: "年度", aliases: ["学分年度", "继续教育年度"] },
  { key: "result", header: "结果", aliases: ["报送结果", "审核结果", "处理结果", "状态"] },
  { key: "reason", header: "原因", aliases: ["退回原因", "失败原因", "说明", "备注"] },
] as const;

export type ReceiptColumnKey = (typeof RECEIPT_COLUMNS)[number]["key"];
export type ReceiptColumnIndexes = Readonly<Record<ReceiptColumnKey, number>>;
export const RECEIPT_HEADERS: readonly string[] = RECEIPT_COLUMNS.map((c) => c.header);

const canonical = (cell: string) =>
  cell
    .normalize("NFKC")
    .replace(/^\uFEFF/u, "")
    .replace(/\(.*?\)/gu, "")
    .replace(/[\s*:：]/gu, "");

const LOOKUP = new Map<string, ReceiptColumnKey>(
  RECEIPT_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((name) => [name, c.key] as const)),
);

/** The header row among the first rows: every column found once, or why not. */
export function findReceiptHeader(
  rows: readonly (readonly string[])[],
): { ok: true; index: number; indexes: ReceiptColumnIndexes } | { ok: false; reason: string } {
  for (const [index, cells] of rows.slice(0, 10).entries()) {
    const found = new Map<ReceiptColumnKey, number>();
    cells.forEach((cell, i) => {
      const key = LOOKUP.get(canonical(cell));
      if (key && !found.has(key)) found.set(key, i);
    });
    if (found.size === RECEIPT_COLUMNS.length) {
      return { ok: true, index, indexes: Object.fromEntries(found) as ReceiptColumnIndexes };
    }
  }
  return { ok: false, reason: `未找到回执的表头：应含 ${RECEIPT_HEADERS.join("、")} 五列` };
}

const ACCEPTED = new Set(["成功", "通过", "已接收", "接收", "审核通过"]);
const REJECTED = new Set(["失败", "退回", "不通过", "审核不通过", "已退回"]);

export interface ReceiptLine {
  idNumber: string;
  name: string;
  year: number;
  accepted: boolean;
  /** A rejection's reason as the province gave it (required for one). */
  reason: string | null;
}

/** One line of the receipt, or what is wrong with it (in Chinese). */
export function parseReceiptLine(
  cells: readonly string[],
  indexes: ReceiptColumnIndexes,
): { ok: true; value: ReceiptLine } | { ok: false; reason: string } {
  const cell = (key: ReceiptColumnKey) => (cells[indexes[key]] ?? "").trim();
  const id = parseIdNumber(cell("idNumber"));
  if (!id.ok) return { ok: false, reason: `身份证号：${id.reason}` };
  const year = cell("year");
  if (!/^\d{4}$/u.test(year)) return { ok: false, reason: "年度应为四位数字，如 2024" };
  const result = canonical(cell("result"));
  const accepted = ACCEPTED.has(result) ? true : REJECTED.has(result) ? false : null;
  if (accepted === null) return { ok: false, reason: "结果应为“成功”或“失败”" };
  const reason = cell("reason").slice(0, 500) || null;
  if (!accepted && !reason) return { ok: false, reason: "失败的记录应写明原因" };
  return {
    ok: true,
    value: { idNumber: id.value, name: normalizeName(cell("name")), year: Number(year), accepted, reason },
  };
}

/** What the dry run found for one line, and whether applying it records a result. */
export type ReceiptLineKind =
  "accepted" | "rejected" | "invalid" | "duplicate" | "unknown" | "otherBatch" | "nameMismatch" | "alreadyRecorded";

export const RECEIPT_KIND_LABELS: Record<ReceiptLineKind, string> = {
  accepted: "成功",
  rejected: "失败（退回）",
  invalid: "无法识别",
  duplicate: "重复",
  unknown: "不在本批次",
  otherBatch: "属于其他批次",
  nameMismatch: "姓名不一致",
  alreadyRecorded: "已有回执结果",
};

export const APPLIED_KINDS: ReadonlySet<ReceiptLineKind> = new Set(["accepted", "rejected"]);
