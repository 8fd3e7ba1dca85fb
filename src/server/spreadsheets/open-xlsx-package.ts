import "server-only";
import { pipeline, Transform, type Readable } from "node:stream";
import { fromBufferPromise, type Entry } from "yauzl";
import { fileTooComplex, XLSX_LIMITS } from "./xlsx-limits";

export interface XlsxPackage {
  has(name: string): boolean;
  /**
   * A part's bytes, inflated as they are read. Refused (FILE_TOO_COMPLEX) when its declared size
   * is over `limit`; the stream fails with the same error as soon as the inflated bytes outgrow
   * the declared size, so a lying directory inflates no further than an honest one.
   */
  openPart(name: string, limit: number): Promise<Readable>;
  /** Ends the streams still open (reading stopped early). */
  close(): void;
}

/** Counts the inflated bytes of one part against its declared size. */
function byteCounter(declared: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > declared ? fileTooComplex() : null, seen > declared ? undefined : chunk);
    },
    flush(done) {
      done(seen === declared ? null : new Error(`part shorter than declared: ${seen} of ${declared} bytes`));
    },
  });
}

/**
 * An uploaded .xlsx's ZIP directory, checked before anything is inflated: the number of parts,
 * each part's declared size and their sum (XLSX_LIMITS). Parts are found by the central
 * directory, as the ZIP format specifies (yauzl), never by scanning local headers.
 */
export async function openXlsxPackage(bytes: Uint8Array): Promise<XlsxPackage> {
  const zip = await fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    // The byte counter below checks the declared sizes itself, so that a file whose data outgrows
    // them is told apart (as too complex) from a damaged one; yauzl would stop at the same byte.
    validateEntrySizes: false,
  });
  if (zip.entryCount > XLSX_LIMITS.entries) throw fileTooComplex();
  const entries = new Map<string, Entry>();
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > XLSX_LIMITS.entryBytes || total > XLSX_LIMITS.totalBytes) throw fileTooComplex();
    // Two parts of one name leave it open which one a reader takes: not a file Excel writes.
    if (entries.has(entry.fileName)) throw fileTooComplex();
    entries.set(entry.fileName, entry);
  }
  const open = new Set<Readable>();
  return {
    has: (name) => entries.has(name),
    async openPart(name, limit) {
      const entry = entries.get(name);
      if (!entry) throw new Error(`no part ${name}`);
      if (entry.uncompressedSize > limit) throw fileTooComplex();
      const inflated = await zip.openReadStreamPromise(entry);
      const counted = pipeline(inflated, byteCounter(entry.uncompressedSize), () => open.delete(counted));
      open.add(counted);
      return counted;
    },
    close() {
      for (const stream of open) stream.destroy();
      open.clear();
    },
  };
}
