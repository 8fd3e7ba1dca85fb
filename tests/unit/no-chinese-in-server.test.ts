// Every user-facing sentence of src/server lives in the message catalogue (src/messages/zh-CN/),
// so that "where is this sentence" is answered by opening one file. This test reads every .ts file
// under src/server and fails, listing them, for the files that hold a Chinese (CJK) character in
// code. Comments may be in any language: they are stripped first (TypeScript's own printer drops
// every // and /* */ comment, and leaves strings, template literals and regular expressions
// exactly as written, so that "//" inside a string is not taken for a comment).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVER = path.join(ROOT, "src/server");

const CJK = /[\u4e00-\u9fff]/u;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.isFile() && entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** The file's code without its comments. */
export function withoutComments(fileName: string, text: string): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

describe("src/server holds no Chinese sentence in code", () => {
  const files = tsFiles(SERVER)
    .map((file) => path.relative(ROOT, file).split(path.sep).join("/"))
    .sort();

  it("reads the files", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("keeps every user-facing sentence in src/messages/zh-CN", () => {
    const offending = files.filter((file) =>
      CJK.test(withoutComments(file, readFileSync(path.join(ROOT, file), "utf8"))),
    );
    expect(offending, "move these sentences to src/messages/zh-CN/").toEqual([]);
  });

  it("strips comments but not strings", () => {
    const code = [
      "// 注释",
      "/* 块注释 */",
      "/** 文档 */",
      'const url = "https://example.org"; // 行尾注释',
      "const re = /\\/\\/x/u;",
      "const t = `a${url}b`; /* 又一个 */",
    ].join("\n");
    expect(CJK.test(withoutComments("sample.ts", code))).toBe(false);
    expect(CJK.test(withoutComments("sample.ts", 'const s = "// 不是注释";'))).toBe(true);
    expect(CJK.test(withoutComments("sample.ts", "const s = `${1} 年`;"))).toBe(true);
  });
});
