// Hostile .xlsx files, built in the test: a ZIP is written by hand here because its directory must
// be able to lie, which no ZIP writer allows.
import { deflateRawSync, constants } from "node:zlib";

export const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Everything of a one-sheet workbook but the sheet. */
const WORKBOOK_PARTS: Record<string, string> = {
  "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
};

/** The start of a sheet whose cell A1 holds inline text: what follows is that text. */
export const SHEET_OPENING = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`;
export const SHEET_CLOSING = `</t></is></c></row></sheetData></worksheet>`;

/** Raw deflate data, and what the directory says it inflates to. */
export interface Part {
  name: string;
  deflated: Buffer;
  declaredSize: number;
}

export function part(name: string, text: string): Part {
  const data = Buffer.from(text);
  return { name, deflated: deflateRawSync(data), declaredSize: data.length };
}

/** A ZIP of deflated parts (CRC left 0: nothing that refuses these files reads that far). */
export function writeZip(parts: readonly Part[]): Uint8Array<ArrayBuffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, deflated, declaredSize } of parts) {
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(declaredSize, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(declaredSize, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, deflated);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A one-sheet workbook whose sheet is the given XML, written honestly. */
export function xlsxWithSheet(sheetXml: string): Uint8Array<ArrayBuffer> {
  return writeZip([
    ...Object.entries(WORKBOOK_PARTS).map(([name, text]) => part(name, text)),
    part("xl/worksheets/sheet1.xml", sheetXml),
  ]);
}

/**
 * A part deflated a mebibyte at a time (each compressed on its own and ended with a full flush, as
 * zipBomb's are), so that a part of tens of megabytes is never one string in the test.
 */
export function partOf(name: string, pieces: Iterable<string>): Part {
  const deflated: Buffer[] = [];
  let declaredSize = 0;
  let batch: string[] = [];
  let batchLength = 0;
  const flush = () => {
    const data = Buffer.from(batch.join(""));
    declaredSize += data.length;
    deflated.push(deflateRawSync(data, { finishFlush: constants.Z_FULL_FLUSH }));
    [batch, batchLength] = [[], 0];
  };
  for (const piece of pieces) {
    batch.push(piece);
    batchLength += piece.length;
    if (batchLength >= 1024 * 1024) flush();
  }
  flush();
  deflated.push(deflateRawSync(Buffer.alloc(0)));
  return { name, deflated: Buffer.concat(deflated), declaredSize };
}

/** A one-sheet workbook of the given parts, xl/worksheets/sheet1.xml among them. */
export function workbookOf(parts: readonly Part[]): Uint8Array<ArrayBuffer> {
  return writeZip([...Object.entries(WORKBOOK_PARTS).map(([name, text]) => part(name, text)), ...parts]);
}

/** The column letters of a column number (1 is A, 27 is AA). */
export function columnName(column: number): string {
  return column <= 26
    ? String.fromCharCode(64 + column)
    : columnName(Math.floor((column - 1) / 26)) + String.fromCharCode(65 + ((column - 1) % 26));
}

/** XML as pieces, each added while the whole stays within `bytes`; stops at the first that does not fit. */
function* withinBytes(bytes: number, opening: string, items: Iterable<string>, closing: string): Generator<string> {
  let size = Buffer.byteLength(opening) + Buffer.byteLength(closing);
  yield opening;
  for (const item of items) {
    size += Buffer.byteLength(item);
    if (size > bytes) break;
    yield item;
  }
  yield closing;
}

/** xl/sharedStrings.xml of the items `si(0)`, `si(1)`, … (the XML of each), as many as fit in `bytes`. */
export function sharedStringsPart(bytes: number, si: (index: number) => string): Part {
  function* items() {
    for (let index = 0; ; index++) yield si(index);
  }
  const opening = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>`;
  return partOf("xl/sharedStrings.xml", withinBytes(bytes, opening, items(), "</sst>"));
}

/**
 * xl/worksheets/sheet1.xml: row 1 holds `header` as inline text, rows 2 to `rows` + 1 the cells
 * `cell(ref, row, column)` of `columns` columns (XML of one <c>), as many rows as fit in `bytes`.
 */
export function sheetPart(
  bytes: number,
  {
    header,
    rows,
    columns,
    cell,
  }: {
    header: readonly string[];
    rows: number;
    columns: number;
    cell: (ref: string, row: number, column: number) => string;
  },
): Part {
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  function* items() {
    yield `<row r="1">${header.map((text, i) => inline(`${columnName(i + 1)}1`, text)).join("")}</row>`;
    for (let row = 2; row <= rows + 1; row++) {
      const cells = Array.from({ length: columns }, (_, i) => cell(`${columnName(i + 1)}${row}`, row, i + 1));
      yield `<row r="${row}">${cells.join("")}</row>`;
    }
  }
  const opening = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`;
  return partOf("xl/worksheets/sheet1.xml", withinBytes(bytes, opening, items(), "</sheetData></worksheet>"));
}

/**
 * xl/styles.xml of `count` fonts and a cell format for each (what a workbook whose cells were
 * formatted one by one holds), with the fill and border every format refers to.
 */
export function stylesPart(count: number): Part {
  const fonts = Array.from(
    { length: count },
    (_, i) =>
      `<font><b/><sz val="${9 + (i % 20)}"/><color rgb="FF${String(i).padStart(6, "0")}"/><name val="字体${i}"/></font>`,
  );
  const formats = Array.from(
    { length: count },
    (_, i) => `<xf numFmtId="0" fontId="${i}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`,
  );
  return partOf("xl/styles.xml", [
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>`,
    `<fonts count="${count}">${fonts.join("")}</fonts>`,
    `<fills count="1"><fill><patternFill patternType="none"/></fill></fills>`,
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>`,
    `<cellXfs count="${count}">${formats.join("")}</cellXfs>`,
    `</styleSheet>`,
  ]);
}

/** A sheet of empty elements, each a short token: only the inflated size can stop it. */
export const EMPTY_ELEMENTS = {
  opening: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>`,
  fill: "<b/>",
  closing: "</sheetData></worksheet>",
};

/**
 * A zip bomb: a sheet of `inflatedMiB` MiB of `fill` repeated (by default the text of cell A1,
 * all "A"), in about 1 KB of ZIP per MiB. One MiB is deflated once with a full flush, which leaves
 * the compressor in its initial state, so its compressed bytes can be repeated: the file is built
 * in milliseconds. `declaredSize` is what the directory claims the sheet inflates to (a lie unless
 * it is the true size).
 */
export function zipBomb(
  inflatedMiB: number,
  {
    declaredSize,
    sheet = { opening: SHEET_OPENING, fill: "A", closing: SHEET_CLOSING },
  }: {
    declaredSize?: number;
    sheet?: { opening: string; fill: string; closing: string };
  } = {},
): Uint8Array<ArrayBuffer> {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const opening = deflateRawSync(Buffer.from(sheet.opening), flush);
  const mebibyte = deflateRawSync(Buffer.alloc(1024 * 1024, sheet.fill), flush);
  const closing = deflateRawSync(Buffer.from(sheet.closing));
  const trueSize = Buffer.byteLength(sheet.opening) + inflatedMiB * 1024 * 1024 + Buffer.byteLength(sheet.closing);
  return writeZip([
    ...Object.entries(WORKBOOK_PARTS).map(([name, text]) => part(name, text)),
    {
      name: "xl/worksheets/sheet1.xml",
      deflated: Buffer.concat([opening, ...Array.from({ length: inflatedMiB }, () => mebibyte), closing]),
      // A ZIP without ZIP64 records holds sizes below 4 GiB.
      declaredSize: Math.min(declaredSize ?? trueSize, 0xffffffff),
    },
  ]);
}

/**
 * Samples the process's resident memory while `read` runs and returns its growth at the peak, in
 * MiB. The sampling timer runs whenever the reader yields to the event loop (it streams, so it
 * does); a read that never yields is measured at its end.
 */
export async function peakRssGrowthMiB(read: () => Promise<unknown>): Promise<{ growthMiB: number; outcome: unknown }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 2);
  let outcome: unknown;
  try {
    outcome = await read();
  } catch (error) {
    outcome = error;
  } finally {
    clearInterval(timer);
    sample();
  }
  return { growthMiB: (peak - before) / 1024 / 1024, outcome };
}
