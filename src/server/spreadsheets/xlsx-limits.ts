import "server-only";
import { AppError } from "@/lib/errors";
import { importMessages } from "@/messages/zh-CN";

const MiB = 1024 * 1024;

/**
 * What an uploaded .xlsx may hold before it is read. An .xlsx is a ZIP of XML parts, and a few
 * megabytes of ZIP can inflate to gigabytes (a "zip bomb"), so the upload limit bounds nothing.
 * Every reader of uploaded workbooks (learner import, question banks) goes through
 * `readFirstWorksheet`, which checks these on the ZIP's central directory before inflating, counts
 * the inflated bytes as they stream (a declared size may lie), and streams the sheet row by row,
 * so that one upload, whatever its shape, costs the server a bounded amount of memory (the tests
 * hold it to 100 MB) and a few seconds of work.
 *
 * The figures: a full import of 20,000 learners is a sheet of about 5–7 MB of XML and 3–6 MB of
 * shared strings (Excel writes a phonetic note beside each Chinese string), a 1,000-question bank
 * far less; the limits leave three to four times that for what Excel, WPS or LibreOffice add
 * (styles, formatted empty rows, inline strings). Beyond them is not a file an import takes.
 */
export const XLSX_LIMITS = {
  /** Excel writes about 10 parts for a one-sheet workbook; many sheets or pictures stay far below. */
  entries: 1000,
  /** Declared uncompressed size of any one part, and of all parts together. */
  entryBytes: 50 * MiB,
  totalBytes: 100 * MiB,
  /** The worksheet read: streamed, so what this bounds is mostly time (about 5 s at worst). */
  sheetBytes: 24 * MiB,
  /** Shared strings are kept (compactly) while the sheet is read. */
  sharedStringsBytes: 16 * MiB,
  /**
   * Characters of text in the cells read (a row's first `columns`), a shared string counted each
   * time a cell shows it. A cell of a few bytes can show 32,767 characters, so that 20,000 rows
   * could hand the importers billions of characters to check (minutes of work, hundreds of MB);
   * this also bounds what callers keep of the rows. A 20,000-learner import has about 1.2 million
   * (60 a row), a 1,000-question bank at most 2.5 million (all that its columns take).
   */
  cellCharacters: 8 * 1024 * 1024,
  /** workbook.xml, its relationships and styles.xml (styles are held in memory too). */
  otherPartBytes: 5 * MiB,
  /** The longest text, tag or comment in any part: a cell holds at most 32,767 characters. */
  tokenBytes: 1 * MiB,
  /** Elements within elements: a sheet needs about 10. */
  depth: 64,
  /** <col> definitions of a sheet: Excel has 16,384 columns. */
  columnDefinitions: 16_384,
} as const;

export const FILE_TOO_COMPLEX_MESSAGE = importMessages.fileTooComplex;

export const fileTooComplex = () => new AppError("FILE_TOO_COMPLEX", FILE_TOO_COMPLEX_MESSAGE);
