import "server-only";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { certificateMessages as m } from "@/messages/zh-CN/certificates";
import { certificateFonts } from "./certificate-fonts";

/** What a certificate (学时证明) prints, already looked up and formatted by the caller. */
export interface CertificateDocument {
  /** 证书编号, display form, e.g. "7KQ2-M9XD-4RTA-ZP3C". */
  code: string;
  name: string;
  /** e.g. "420102********1234". */
  idNumberMasked: string;
  districtName: string;
  employer: string;
  /** The credit year. */
  year: number;
  /** 公需科目 */
  publicCredits: number;
  /** 专业科目 */
  professionalCredits: number;
  totalCredits: number;
  /** Class hours (学时), formatted, e.g. "30" or "30.3". */
  hours: string;
  /** YYYY-MM-DD */
  completedOn: string;
  /** The issuing body. */
  issuer: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  /** Printed beside the QR code. */
  verifyUrl: string;
  /** What the QR code encodes (the verification URL with its signature). */
  qrText: string;
}

const MM = 72 / 25.4;
/** A4 portrait, in points. */
const PAGE = { width: 595.28, height: 841.89 };
const LEFT = 25 * MM;
const RIGHT = PAGE.width - 25 * MM;
const LABEL_WIDTH = 30 * MM;
const VALUE_X = LEFT + LABEL_WIDTH + 4 * MM;
const VALUE_WIDTH = RIGHT - VALUE_X;
const ROW_PADDING = 2.2 * MM;
/** The QR symbol's side: scans when printed (≥ 35 mm asked) at ~0.6 mm a module for ~250 characters. */
const QR_SIZE = 40 * MM;
const QR_TOP = PAGE.height - 21 * MM - QR_SIZE;
const FONT_SIZE = { title: 22, label: 11, value: 12, small: 9.5 } as const;
const BLACK = "#000000";

function printedDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return m.date(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The fields in their printed order, each a label and its value. */
function fields(doc: CertificateDocument): [label: string, value: string][] {
  return [
    [m.codeLabel, doc.code],
    [m.nameLabel, doc.name],
    [m.idNumberLabel, doc.idNumberMasked],
    [m.districtLabel, doc.districtName],
    [m.employerLabel, doc.employer],
    [m.yearLabel, m.year(doc.year)],
    [m.publicCreditsLabel, m.credits(doc.publicCredits)],
    [m.professionalCreditsLabel, m.credits(doc.professionalCredits)],
    [m.totalCreditsLabel, m.credits(doc.totalCredits)],
    [m.hoursLabel, m.hours(doc.hours)],
    [m.completedOnLabel, printedDate(doc.completedOn)],
    [m.issuerLabel, doc.issuer],
    [m.issuedOnLabel, printedDate(doc.issuedOn)],
  ];
}

/** A thin double rule around the page: no filled areas, so it prints on any printer. */
function drawBorder(pdf: PDFKit.PDFDocument): void {
  const outer = 12 * MM;
  const inner = 13.5 * MM;
  pdf
    .lineWidth(1.2)
    .rect(outer, outer, PAGE.width - 2 * outer, PAGE.height - 2 * outer)
    .stroke(BLACK);
  pdf
    .lineWidth(0.4)
    .rect(inner, inner, PAGE.width - 2 * inner, PAGE.height - 2 * inner)
    .stroke(BLACK);
}

/** Draws the label/value rows from `top`, long values wrapped in their column; returns the bottom. */
function drawFields(pdf: PDFKit.PDFDocument, rows: [string, string][], top: number): number {
  let y = top;
  pdf.lineWidth(0.4).moveTo(LEFT, y).lineTo(RIGHT, y).stroke(BLACK);
  for (const [index, [label, value]] of rows.entries()) {
    // The name stands out; everything else is the regular face.
    const valueFont = index === 1 ? "bold" : "regular";
    pdf.font(valueFont).fontSize(FONT_SIZE.value);
    const valueHeight = pdf.heightOfString(value, { width: VALUE_WIDTH });
    pdf.font("regular").fontSize(FONT_SIZE.label);
    const labelHeight = pdf.heightOfString(label, { width: LABEL_WIDTH });
    const rowTop = y + ROW_PADDING;
    // Labels sit on the first line of their value (the label's face is a little smaller).
    pdf.text(label, LEFT, rowTop + (FONT_SIZE.value - FONT_SIZE.label) / 2, { width: LABEL_WIDTH });
    pdf.font(valueFont).fontSize(FONT_SIZE.value).text(value, VALUE_X, rowTop, { width: VALUE_WIDTH });
    y = rowTop + Math.max(valueHeight, labelHeight) + ROW_PADDING;
    pdf.lineWidth(0.4).moveTo(LEFT, y).lineTo(RIGHT, y).stroke(BLACK);
  }
  return y;
}

/**
 * The QR code as vector squares (qrcode's matrix, error correction M): sharp at any printer's
 * resolution, and no PNG to encode and decode. One path, one fill, so no seams between modules.
 */
function drawQrCode(pdf: PDFKit.PDFDocument, text: string, x: number, y: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cell = QR_SIZE / modules.size;
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      pdf.rect(x + start * cell, y + row * cell, (col - start) * cell, cell);
    }
  }
  pdf.fill(BLACK);
}

/** The verification block at the foot of the page: the QR code, the URL and how to check. */
function drawVerification(pdf: PDFKit.PDFDocument, doc: CertificateDocument): void {
  drawQrCode(pdf, doc.qrText, LEFT, QR_TOP);
  // Four modules of quiet zone at the least (~2.5 mm) are kept clear beside the symbol.
  const x = LEFT + QR_SIZE + 8 * MM;
  const width = RIGHT - x;
  pdf
    .font("regular")
    .fontSize(FONT_SIZE.label)
    .text(m.verifyUrlLabel, x, QR_TOP + 6 * MM, { width });
  pdf.moveDown(0.3).fontSize(FONT_SIZE.label).text(doc.verifyUrl, { width });
  pdf.moveDown(0.8).fontSize(FONT_SIZE.small).text(m.verifyHint, { width, lineGap: 2 });
}

/**
 * The certificate as a one-page A4 PDF, black on white, with Noto Sans SC embedded as a subset
 * of the glyphs used. Pure: no database, no clock beyond pdfkit's CreationDate.
 */
export async function renderCertificatePdf(doc: CertificateDocument): Promise<Buffer> {
  const fonts = certificateFonts();
  const pdf = new PDFDocument({
    size: "A4",
    layout: "portrait",
    // Positions are explicit; zero margins keep pdfkit from ever starting a second page.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    lang: "zh-CN",
    displayTitle: true,
    info: { Title: m.documentTitle(doc.code), Author: doc.issuer, Subject: m.title },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  // pdfkit takes a parsed fontkit font (anything with layout()) as well; its types say only files.
  pdf.registerFont("regular", fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
  pdf.registerFont("bold", fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
  pdf.fillColor(BLACK).strokeColor(BLACK);

  drawBorder(pdf);
  pdf
    .font("bold")
    .fontSize(FONT_SIZE.title)
    .text(m.title, LEFT, 30 * MM, { width: RIGHT - LEFT, align: "center", characterSpacing: 2 });
  const bottom = drawFields(pdf, fields(doc), 48 * MM);
  pdf
    .font("regular")
    .fontSize(FONT_SIZE.value)
    .text(m.statement, LEFT, bottom + 6 * MM, { width: RIGHT - LEFT, indent: 2 * FONT_SIZE.value });
  if (pdf.y > QR_TOP - 6 * MM) throw new RangeError(`certificate ${doc.code} does not fit on one page`);
  drawVerification(pdf, doc);

  pdf.end();
  return done;
}
