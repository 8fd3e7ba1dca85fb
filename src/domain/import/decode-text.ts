/**
 * The text of an uploaded CSV file. Excel on Chinese Windows saves "CSV (逗号分隔)" in GBK and
 * "CSV UTF-8" with a byte-order mark; other tools write UTF-8 without one. A byte sequence that
 * is not valid UTF-8 is, in practice, GB18030/GBK (a superset decoder reads both).
 */
export type CsvEncoding = "utf-8" | "gb18030";

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } | { error: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: "不支持 UTF-16 编码的文本文件，请另存为 “CSV UTF-8（逗号分隔）” 或 Excel 工作簿（.xlsx）" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}
