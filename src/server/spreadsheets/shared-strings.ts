import "server-only";
import { SaxesParser } from "saxes";

const CHUNK_BYTES = 64 * 1024;
const BLOCK_ENTRIES = 64 * 1024;

/**
 * A workbook's shared strings (the text of most cells), kept as UTF-8 in buffers of about 64 KB
 * and where each string ends in them: 4 bytes per string (in blocks, so that the index is never
 * copied to grow) instead of the 60 or more that one JavaScript string each costs, and never more
 * text than the part itself holds; a JavaScript string of mostly Latin text with one Chinese
 * character costs two bytes a character. A string is decoded each time a cell shows it (what
 * cells show is bounded by XLSX_LIMITS.cellCharacters). A lone surrogate, which only an escape
 * such as _xD800_ can make, reads as U+FFFD, as an undecodable byte of the part itself does.
 */
export class SharedStrings {
  /** The text of all strings; none is split between two. */
  private readonly chunks: Buffer[] = [];
  /** Where each chunk starts in the text of all strings. */
  private readonly chunkStarts: number[] = [];
  /** Where each string ends in the text of all strings, BLOCK_ENTRIES strings a block. */
  private readonly ends: Uint32Array[] = [];
  /** The chunk being filled, copied out (at its length) once full. */
  private readonly scratch = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private length = 0;
  private count = 0;

  add(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (this.used + bytes > CHUNK_BYTES) this.seal();
    if (bytes > CHUNK_BYTES) {
      this.chunkStarts.push(this.length);
      this.chunks.push(Buffer.from(text));
    } else {
      this.scratch.write(text, this.used);
      this.used += bytes;
    }
    this.length += bytes;
    if (this.count % BLOCK_ENTRIES === 0) this.ends.push(new Uint32Array(BLOCK_ENTRIES));
    this.ends[this.ends.length - 1]![this.count % BLOCK_ENTRIES] = this.length;
    this.count++;
  }

  /** Call once every string is added. */
  seal(): void {
    if (this.used === 0) return;
    this.chunkStarts.push(this.length - this.used);
    this.chunks.push(Buffer.from(this.scratch.subarray(0, this.used)));
    this.used = 0;
  }

  private endOf(index: number): number {
    return this.ends[Math.floor(index / BLOCK_ENTRIES)]![index % BLOCK_ENTRIES]!;
  }

  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const start = index === 0 ? 0 : this.endOf(index - 1);
    const end = this.endOf(index);
    if (start === end) return "";
    // The chunk holding it: the last to start at or before it.
    let low = 0;
    let high = this.chunkStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.chunkStarts[middle]! <= start) low = middle;
      else high = middle - 1;
    }
    const chunkStart = this.chunkStarts[low]!;
    return this.chunks[low]?.toString("utf8", start - chunkStart, end - chunkStart);
  }
}

/** Excel's escape of characters XML cannot hold, such as _x000D_ for a carriage return. */
const decodeEscapes = (text: string) =>
  text.replace(/_x([0-9A-F]{4})_/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * xl/sharedStrings.xml read as loading the workbook reads it (exceljs's SharedStringXform): an
 * item is its text, or the text of its runs joined (rich text reads the same); phonetic guides
 * (<rPh>) are not part of the text. exceljs's streaming reader reads the guide instead, keeps no
 * _x000D_ escapes, and costs a JavaScript object per string.
 */
export async function readSharedStrings(xml: AsyncIterable<string>): Promise<SharedStrings> {
  const strings = new SharedStrings();
  const parser = new SaxesParser();
  let failure: Error | null = null;
  let text: string | null = null; // the item's own <t>
  let runs: string[] = [];
  let run: string | null = null; // inside <r>: its text
  let parts: string[] | null = null; // inside <t>: its text so far
  let phonetic = 0;
  parser.on("error", (error) => (failure ??= error));
  parser.on("opentag", ({ name }) => {
    if (name === "si") [text, runs, run] = [null, [], null];
    else if (name === "rPh") phonetic++;
    else if (name === "r" && !phonetic) run = "";
    else if (name === "t" && !phonetic) parts = [];
  });
  parser.on("text", (value) => parts?.push(value));
  parser.on("closetag", ({ name }) => {
    if (name === "si") strings.add(runs.length ? runs.join("") : (text ?? ""));
    else if (name === "rPh") phonetic--;
    else if (name === "r" && run !== null) {
      runs.push(run);
      run = null;
    } else if (name === "t" && parts) {
      const decoded = decodeEscapes(parts.join(""));
      if (run !== null) run = decoded;
      else text = decoded;
      parts = null;
    }
  });
  for await (const chunk of xml) {
    parser.write(chunk);
    if (failure) throw failure;
  }
  parser.close();
  if (failure) throw failure;
  strings.seal();
  return strings;
}
