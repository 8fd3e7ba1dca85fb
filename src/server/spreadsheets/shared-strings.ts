import "server-only";
import { SaxesParser } from "saxes";

const CHUNK_CHARACTERS = 64 * 1024;

/**
 * A workbook's shared strings (the text of most cells), kept as a few long strings and an index:
 * about 12 bytes per string instead of the 60 or more that one JavaScript string each costs, which
 * for a sheet of short texts decides what reading it costs.
 */
export class SharedStrings {
  private readonly chunks: string[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private chunkOf = new Uint32Array(1024);
  private startOf = new Uint32Array(1024);
  private lengthOf = new Uint32Array(1024);
  private count = 0;

  add(text: string): void {
    if (this.pendingLength + text.length > CHUNK_CHARACTERS) this.seal();
    if (this.count === this.chunkOf.length) {
      const grow = (array: Uint32Array) => {
        const larger = new Uint32Array(array.length * 2);
        larger.set(array);
        return larger;
      };
      [this.chunkOf, this.startOf, this.lengthOf] = [grow(this.chunkOf), grow(this.startOf), grow(this.lengthOf)];
    }
    this.chunkOf[this.count] = this.chunks.length;
    this.startOf[this.count] = this.pendingLength;
    this.lengthOf[this.count] = text.length;
    this.count++;
    this.pending.push(text);
    this.pendingLength += text.length;
  }

  /** Call once every string is added. */
  seal(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
  }

  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    const chunk = this.chunks[this.chunkOf[index]!];
    const start = this.startOf[index]!;
    return chunk?.slice(start, start + this.lengthOf[index]!);
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
