// The duration of an uploaded video, read from its container header: MP4's movie header box
// (moov/mvhd: duration / timescale) and WebM's Segment/Info (Duration × TimecodeScale). Only the
// few bytes needed are read, through a reader, so a 500 MB file is never loaded; a file without
// a usable duration (fragmented MP4, a WebM recorded live) gives null and the administrator types it.

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ByteReader = (offset: number, length: number) => Promise<Uint8Array>;

export type VideoContainer = "mp4" | "webm";

/** Bounds on how many boxes/elements are walked: a corrupt file must not loop for long. */
const MAX_STEPS = 10_000;

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The container, from the first 12 bytes: MP4 starts with an ftyp box, WebM with an EBML header. */
export function sniffContainer(head: Uint8Array): VideoContainer | null {
  if (head.length >= 8 && ascii(head, 4, 8) === "ftyp") return "mp4";
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return "webm";
  return null;
}

interface Box {
  type: string;
  start: number;
  /** Offset of the box's content (after its header). */
  content: number;
  end: number;
}

async function* mp4Boxes(read: ByteReader, from: number, to: number): AsyncGenerator<Box> {
  let offset = from;
  for (let step = 0; step < MAX_STEPS && offset + 8 <= to; step++) {
    const header = await read(offset, 16);
    if (header.length < 8) return;
    let size = view(header).getUint32(0);
    let content = offset + 8;
    if (size === 1) {
      if (header.length < 16) return;
      size = Number(view(header).getBigUint64(8));
      content = offset + 16;
    } else if (size === 0) {
      size = to - offset; // the box runs to the end of its parent (the file)
    }
    if (size < content - offset || offset + size > to) return;
    yield { type: ascii(header, 4, 8), start: offset, content, end: offset + size };
    offset += size;
  }
}

/** Seconds, from moov/mvhd; null when absent, unknown (all ones) or zero. */
export async function readMp4Duration(read: ByteReader, fileSize: number): Promise<number | null> {
  for await (const box of mp4Boxes(read, 0, fileSize)) {
    if (box.type !== "moov") continue;
    for await (const child of mp4Boxes(read, box.content, box.end)) {
      if (child.type !== "mvhd") continue;
      const body = await read(child.content, 32);
      const data = view(body);
      if (body.length < 20) return null;
      const version = data.getUint8(0);
      let timescale: number;
      let duration: number;
      if (version === 1) {
        if (body.length < 32) return null;
        timescale = data.getUint32(20);
        const raw = data.getBigUint64(24);
        if (raw === 0xffff_ffff_ffff_ffffn) return null;
        duration = Number(raw);
      } else {
        timescale = data.getUint32(12);
        duration = data.getUint32(16);
        if (duration === 0xffff_ffff) return null;
      }
      return timescale > 0 && duration > 0 ? duration / timescale : null;
    }
    return null;
  }
  return null;
}

const EBML_ID = 0x1a45dfa3;
const SEGMENT_ID = 0x18538067;
const INFO_ID = 0x1549a966;
const CLUSTER_ID = 0x1f43b675;
const TIMECODE_SCALE_ID = 0x2ad7b1;
const DURATION_ID = 0x4489;

interface Element {
  id: number;
  content: number;
  /** Null for an element of unknown size (a live stream's Segment). */
  size: number | null;
}

/** A variable-length integer at `at`: its length and value; the ID form keeps its marker bit. */
function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): { length: number; value: number } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23; // leading zeros within the byte, plus one
  if (at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i] ?? 0;
    allOnes &&= byte === 0xff;
    value = value * 256 + byte;
  }
  if (!keepMarker && allOnes) return { length, value: -1 };
  return { length, value };
}

async function readElement(read: ByteReader, offset: number): Promise<Element | null> {
  const header = await read(offset, 12);
  const id = readVint(header, 0, true);
  if (!id || id.length > 4) return null;
  const size = readVint(header, id.length, false);
  if (!size) return null;
  return { id: id.value, content: offset + id.length + size.length, size: size.value < 0 ? null : size.value };
}

async function* children(read: ByteReader, from: number, to: number): AsyncGenerator<Element> {
  let offset = from;
  for (let step = 0; step < MAX_STEPS && offset < to; step++) {
    const element = await readElement(read, offset);
    if (!element) return;
    yield element;
    if (element.size === null) return; // cannot skip what has no size
    offset = element.content + element.size;
  }
}

/** Seconds, from Segment/Info/Duration × TimecodeScale; null when the file does not say. */
export async function readWebmDuration(read: ByteReader, fileSize: number): Promise<number | null> {
  const header = await readElement(read, 0);
  if (!header || header.id !== EBML_ID || header.size === null) return null;
  for await (const top of children(read, header.content + header.size, fileSize)) {
    if (top.id !== SEGMENT_ID) continue;
    const segmentEnd = top.size === null ? fileSize : Math.min(fileSize, top.content + top.size);
    for await (const element of children(read, top.content, segmentEnd)) {
      if (element.id === CLUSTER_ID) return null; // Info comes before the media; there is none
      if (element.id !== INFO_ID || element.size === null) continue;
      const info = await read(element.content, Math.min(element.size, 4096));
      return infoDuration(info);
    }
    return null;
  }
  return null;
}

function infoDuration(info: Uint8Array): number | null {
  let scale = 1_000_000; // nanoseconds per tick, the default when absent
  let duration: number | null = null;
  for (let at = 0; at < info.length;) {
    const id = readVint(info, at, true);
    const size = id && readVint(info, at + id.length, false);
    if (!id || !size || size.value < 0) break;
    const start = at + id.length + size.length;
    if (start + size.value > info.length) break;
    const data = new DataView(info.buffer, info.byteOffset + start, size.value);
    if (id.value === TIMECODE_SCALE_ID && size.value >= 1 && size.value <= 6) {
      scale = 0;
      for (let i = 0; i < size.value; i++) scale = scale * 256 + data.getUint8(i);
    } else if (id.value === DURATION_ID && (size.value === 4 || size.value === 8)) {
      duration = size.value === 4 ? data.getFloat32(0) : data.getFloat64(0);
    }
    at = start + size.value;
  }
  if (duration === null || !Number.isFinite(duration) || duration <= 0 || scale <= 0) return null;
  return (duration * scale) / 1e9;
}

/** The duration in whole seconds, rounded up (as the demo catalogue is), or null. */
export async function readVideoDurationSeconds(
  container: VideoContainer,
  read: ByteReader,
  fileSize: number,
): Promise<number | null> {
  const seconds = await (container === "mp4" ? readMp4Duration(read, fileSize) : readWebmDuration(read, fileSize));
  return seconds === null ? null : Math.max(1, Math.ceil(seconds - 1e-6));
}
