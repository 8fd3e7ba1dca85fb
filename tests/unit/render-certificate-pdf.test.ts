// The certificate PDF, read back with the tools a reader has: poppler (pdfinfo, pdftotext,
// pdftoppm) and a QR decoder (zbarimg). Each check that needs one of them is skipped where it is
// not installed; the byte-level checks run everywhere.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER_MAX_LENGTH } from "../../src/domain/learners";
import { renderCertificatePdf, type CertificateDocument } from "../../src/server/certificates/render-certificate-pdf";

function hasBinary(name: string): boolean {
  // Only whether it can be started: some of these exit non-zero for -v.
  return spawnSync(name, ["-v"], { stdio: "ignore" }).error === undefined;
}

// The QR text as the issuer writes it (src/domain/certificates): the address, then after `#` a
// base64url payload and an Ed25519 signature (86 characters): ~360 characters with a long name.
const PAYLOAD = Buffer.from(
  JSON.stringify([
    "wh-kjxx-certificate/1",
    "7KQ2M9XD4RTAZP3C",
    "0f".repeat(32),
    "阿依古丽·买买提",
    2024,
    30,
    60,
    90,
    "2024-12-01",
  ]),
).toString("base64url");
const SIGNATURE = "3q2-7wQz9Xn8kR1bVtYp0aLmC4dE6fGhIjKlMnOpQrStUvWxYz0123456789-_abcdefghijklmnopqrstuvwx";

const SAMPLE: CertificateDocument = {
  code: "7KQ2-M9XD-4RTA-ZP3C",
  name: "欧阳娜娜",
  idNumberMasked: "420102********1234",
  districtName: "江岸区",
  employer: "武汉某某会计师事务所有限公司",
  year: 2024,
  publicCredits: 30,
  professionalCredits: 60,
  totalCredits: 90,
  hours: "30",
  completedOn: "2024-11-05",
  issuer: "武汉市财政局会计人员继续教育办公室",
  issuedOn: "2024-12-01",
  verifyUrl: "https://kjxx.example.cn/verify/7KQ2M9XD4RTAZP3C",
  qrText: `https://kjxx.example.cn/verify/7KQ2M9XD4RTAZP3C#${PAYLOAD}.${SIGNATURE}`,
};

/** Every label and value, in the printed order (pdftotext's spacing aside). */
const PRINTED_IN_ORDER = [
  "会计人员继续教育学时证明",
  "证书编号",
  "7KQ2-M9XD-4RTA-ZP3C",
  "姓名",
  "欧阳娜娜",
  "身份证号",
  "420102********1234",
  "所在区",
  "江岸区",
  "工作单位",
  "武汉某某会计师事务所有限公司",
  "学分年度",
  "2024 年度",
  "公需科目学分",
  "30 学分",
  "专业科目学分",
  "60 学分",
  "合计学分",
  "90 学分",
  "学时",
  "30 学时（1 学时 = 3 学分）",
  "完成日期",
  "2024 年 11 月 5 日",
  "发证机构",
  "武汉市财政局会计人员继续教育办公室",
  "发证日期",
  "2024 年 12 月 1 日",
  "验证网址",
  "https://kjxx.example.cn/verify/7KQ2M9XD4RTAZP3C",
  "扫描左侧二维码",
];

const MM = 72 / 25.4;
const A4 = { width: 595.28, height: 841.89 };

/** pdftotext puts spaces and line breaks where glyph positions suggest them: compare without. */
const squeeze = (text: string) => text.replace(/\s+/gu, "");

let dir: string;
const write = (name: string, pdf: Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return file;
};
const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: "utf8" });

let pdf: Buffer;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "certificate-pdf-"));
  pdf = await renderCertificatePdf(SAMPLE);
  file = write("sample.pdf", pdf);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("renderCertificatePdf", () => {
  it("writes one A4 page under 300 KB, Noto Sans SC embedded as subsets", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeLessThanOrEqual(300 * 1024);
    // pdfkit writes its objects uncompressed (only streams are deflated), so they can be read.
    const raw = pdf.toString("latin1");
    expect(raw.match(/\/Type \/Page\b(?!s)/gu)).toHaveLength(1);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/u);
    // A subset's name carries a six-letter tag; the whole 10 MB face would have none.
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/u);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/u);
  });

  it.skipIf(!hasBinary("pdfinfo"))("has the title and the issuer as metadata, no personal data", () => {
    const info = run("pdfinfo", [file]);
    expect(info).toMatch(/^Pages:\s+1$/mu);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/mu);
    expect(info).toMatch(/^Title:\s+会计人员继续教育学时证明 7KQ2-M9XD-4RTA-ZP3C$/mu);
    expect(info).toMatch(/^Author:\s+武汉市财政局会计人员继续教育办公室$/mu);
    expect(info).not.toContain(SAMPLE.name);
    expect(info).not.toContain(SAMPLE.idNumberMasked);
  });

  it.skipIf(!hasBinary("pdftotext"))("prints every label and value, in order", () => {
    const text = squeeze(run("pdftotext", [file, "-"]));
    let from = 0;
    for (const expected of PRINTED_IN_ORDER) {
      const at = text.indexOf(squeeze(expected), from);
      expect(at, `"${expected}" after position ${from}`).toBeGreaterThanOrEqual(from);
      from = at + squeeze(expected).length;
    }
  });

  it.skipIf(!hasBinary("pdftoppm") || !hasBinary("zbarimg"))(
    "has a QR code that scans as the QR text",
    () => {
      const prefix = path.join(dir, "page");
      run("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", file, prefix]);
      expect(run("zbarimg", ["--raw", "-q", `${prefix}.png`]).trim()).toBe(SAMPLE.qrText);
    },
    30_000,
  );

  // Rare characters of names: Extension A (䶮), a rare BMP one (龘) and one of the
  // supplementary plane (𬭚, U+2CB5A, of the 通用规范汉字表). Characters the font lacks
  // altogether, such as 𠮷 (U+20BB7, Extension B), print as an empty box: Noto Sans SC as
  // Google Fonts ships it has 220 supplementary-plane ideographs only.
  it.skipIf(!hasBinary("pdftotext"))("prints rare characters of names", async () => {
    const name = "刘䶮龘王𬭚";
    const rare = write("rare.pdf", await renderCertificatePdf({ ...SAMPLE, name }));
    expect(squeeze(run("pdftotext", [rare, "-"]))).toContain(`姓名${name}`);
  });

  it.skipIf(!hasBinary("pdftotext"))("wraps the longest employer inside the page", async () => {
    const employer = "武汉市江岸区某某会计师事务所（特殊普通合伙）财务共享服务中心"
      .repeat(4)
      .slice(0, EMPLOYER_MAX_LENGTH);
    const long = write("long.pdf", await renderCertificatePdf({ ...SAMPLE, employer }));
    const text = run("pdftotext", ["-bbox", long, "-"]);
    const right = Math.max(...[...text.matchAll(/xMax="([\d.]+)"/gu)].map((match) => Number(match[1])));
    expect(right).toBeGreaterThan(A4.width / 2);
    expect(right).toBeLessThanOrEqual(A4.width - 25 * MM + 1);
    expect(squeeze(run("pdftotext", [long, "-"]))).toContain(`工作单位${employer}学分年度`);
  });

  it("refuses a date that is not YYYY-MM-DD", async () => {
    await expect(renderCertificatePdf({ ...SAMPLE, issuedOn: "2024/12/01" })).rejects.toThrow(RangeError);
  });
});
