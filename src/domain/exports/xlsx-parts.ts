/**
 * The parts of the provincial export as an XLSX workbook (Office Open XML SpreadsheetML): one
 * sheet, written a row at a time into a streamed zip (src/server/exports/xlsx-chunks.ts). Text
 * cells (the ID number above all) are inline strings in the text format "@" (no shared-strings
 * table, which would hold every ID number until the end); credits are numeric cells, hours numeric
 * cells in the format "0.0", so that a reader gets numbers and a spreadsheet sums them.
 */
import { cellText, type ExportCell, type ExportCellKind } from "./columns";

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Indexes of the cell formats in styles.xml's cellXfs: 0 General (credits), 1 the text format "@"
// (built-in number format 49), 2 one decimal "0.0" (custom number format 164, hours).
const TEXT_STYLE = 1;
const HOURS_STYLE = 2;
const HOURS_FORMAT_ID = 164;
const COLUMN_STYLES: Record<ExportCellKind, number> = {
  id: TEXT_STYLE,
  text: TEXT_STYLE,
  integer: 0,
  hours: HOURS_STYLE,
};
const COLUMN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

// Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; lone surrogates;
// U+FFFE/U+FFFF): removed. The validated fields never hold them.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPED = /[&<>"]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text as XML character data (also safe inside a double-quoted attribute). */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(ESCAPED, (c) => ENTITIES[c] ?? c);
}

function column(index: number): string {
  if (index >= COLUMN_LETTERS.length) throw new RangeError("export sheet: at most 26 columns");
  return COLUMN_LETTERS[index] ?? "A";
}

function cellXml(ref: string, cell: ExportCell): string {
  if (cell.kind === "integer") return `<c r="${ref}"><v>${cellText(cell)}</v></c>`;
  // The decimal text of the tenths (32.5), no float: a valid xsd:double, displayed as "0.0".
  if (cell.kind === "hours") return `<c r="${ref}" s="${HOURS_STYLE}"><v>${cellText(cell)}</v></c>`;
  const text = escapeXml(cell.text);
  // Leading or trailing white space is kept only when marked so.
  const space = /^\s|\s$/.test(text) ? ` xml:space="preserve"` : "";
  return `<c r="${ref}" s="${TEXT_STYLE}" t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/** One `<row>`, a string given being a text cell; `rowNumber` counts from 1. */
export function sheetRowXml(rowNumber: number, cells: readonly (ExportCell | string)[]): string {
  let xml = `<row r="${rowNumber}">`;
  cells.forEach((cell, index) => {
    xml += cellXml(`${column(index)}${rowNumber}`, typeof cell === "string" ? { kind: "text", text: cell } : cell);
  });
  return `${xml}</row>`;
}

/** The sheet's XML before its rows: each column's width (in characters) and format. */
export function sheetStartXml(columns: readonly { width: number; kind: ExportCellKind }[]): string {
  const cols = columns
    .map(
      ({ width, kind }, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1" style="${COLUMN_STYLES[kind]}"/>`,
    )
    .join("");
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}"><cols>${cols}</cols><sheetData>`;
}

export const SHEET_END_XML = `</sheetData></worksheet>`;

/** The workbook's other parts, by path in the zip, the sheet at `xl/worksheets/sheet1.xml`. */
export function workbookParts(opts: { sheetName: string; creator: string; created: Date }): [string, string][] {
  const created = opts.created.toISOString().replace(/\.\d{3}Z$/, "Z");
  return [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
        `</Types>`,
    ],
    [
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="${REL_NS}">` +
        `<Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
        `</Relationships>`,
    ],
    [
      "docProps/core.xml",
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
        `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${escapeXml(opts.creator)}</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
        `</cp:coreProperties>`,
    ],
    [
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${DOC_REL}">` +
        `<sheets><sheet name="${escapeXml(opts.sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${REL_NS}">` +
        `<Relationship Id="rId1" Type="${DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${DOC_REL}/styles" Target="styles.xml"/>` +
        `</Relationships>`,
    ],
    [
      "xl/styles.xml",
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
        `<numFmts count="1"><numFmt numFmtId="${HOURS_FORMAT_ID}" formatCode="0.0"/></numFmts>` +
        `<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/></font></fonts>` +
        `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
        `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
        `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
        `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
        `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
        `<xf numFmtId="${HOURS_FORMAT_ID}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
        `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
        `</styleSheet>`,
    ],
  ];
}
