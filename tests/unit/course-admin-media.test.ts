import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  readMp4Duration,
  readVideoDurationSeconds,
  readWebmDuration,
  sniffContainer,
  storedNameContainer,
  storedUploadName,
  type ByteReader,
} from "../../src/domain/course-admin";
import { parseByteRange } from "../../src/server/media/parse-byte-range";

const readerOf =
  (bytes: Uint8Array): ByteReader =>
  async (offset, length) =>
    bytes.subarray(offset, offset + length);

function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => [...part]));
}

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

function u64(value: bigint): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, value);
  return bytes;
}

const text = (s: string) => new TextEncoder().encode(s);

function box(type: string, ...payload: Uint8Array[]): Uint8Array {
  const body = concat(...payload);
  return concat(u32(8 + body.length), text(type), body);
}

/** mvhd version 0: version/flags, creation, modification, timescale, duration, then the rest. */
function mvhd0(timescale: number, duration: number): Uint8Array {
  return box("mvhd", u32(0), u32(0), u32(0), u32(timescale), u32(duration), new Uint8Array(80));
}

function mvhd1(timescale: number, duration: bigint): Uint8Array {
  return box("mvhd", u32(0x0100_0000), u64(0n), u64(0n), u32(timescale), u64(duration), new Uint8Array(80));
}

const ftyp = box("ftyp", text("isom"), u32(512), text("isomiso2mp41"));

async function mp4Seconds(bytes: Uint8Array) {
  return readMp4Duration(readerOf(bytes), bytes.length);
}

describe("MP4 duration (moov/mvhd)", () => {
  it("reads the sample video public/media/quick-start.mp4 (11.2 s, 12 whole seconds)", async () => {
    const bytes = new Uint8Array(readFileSync("public/media/quick-start.mp4"));
    expect(sniffContainer(bytes)).toBe("mp4");
    expect(await mp4Seconds(bytes)).toBeCloseTo(11.2, 3);
    expect(await readVideoDurationSeconds("mp4", readerOf(bytes), bytes.length)).toBe(12);
  });

  it.each([
    ["moov first (fast start)", concat(ftyp, box("moov", mvhd0(1000, 90_500)), box("mdat", new Uint8Array(64))), 90.5],
    [
      "moov after the media",
      concat(ftyp, box("free"), box("mdat", new Uint8Array(300)), box("moov", mvhd0(600, 1800))),
      3,
    ],
    ["mvhd after another child", concat(ftyp, box("moov", box("udta", new Uint8Array(10)), mvhd0(90_000, 450_000))), 5],
    ["version 1 (64-bit) header", concat(ftyp, box("moov", mvhd1(48_000, 48_000n * 3600n))), 3600],
    [
      "a 64-bit sized mdat before moov",
      concat(ftyp, u32(1), text("mdat"), u64(16n + 40n), new Uint8Array(40), box("moov", mvhd0(1000, 2500))),
      2.5,
    ],
  ])("%s", async (_name, bytes, seconds) => {
    expect(await mp4Seconds(bytes)).toBeCloseTo(seconds, 6);
  });

  it.each([
    ["no moov at all", concat(ftyp, box("mdat", new Uint8Array(20)))],
    [
      "an mdat running to the end of the file (size 0) before moov",
      concat(ftyp, u32(0), text("mdat"), new Uint8Array(30)),
    ],
    ["moov without mvhd", concat(ftyp, box("moov", box("trak", new Uint8Array(8))))],
    ["unknown duration (all ones)", concat(ftyp, box("moov", mvhd0(1000, 0xffff_ffff)))],
    ["zero timescale", concat(ftyp, box("moov", mvhd0(0, 1000)))],
    ["zero duration (fragmented file)", concat(ftyp, box("moov", mvhd0(1000, 0)))],
    ["a box claiming more bytes than the file", concat(ftyp, u32(10_000), text("moov"), mvhd0(1000, 5000))],
    ["a box smaller than its header", concat(ftyp, u32(4), text("moov"), new Uint8Array(40))],
    ["truncated mvhd", concat(ftyp, box("moov", box("mvhd", u32(0), u32(0))))],
  ])("gives null for %s", async (_name, bytes) => {
    expect(await mp4Seconds(bytes)).toBeNull();
  });
});

// EBML: an ID keeps its marker bits; a size here is one byte (0x80 | n) or eight (0x01 + 7 bytes).
const size1 = (n: number) => Uint8Array.of(0x80 | n);
const unknownSize = Uint8Array.of(0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
function element(id: number[], ...payload: Uint8Array[]): Uint8Array {
  const body = concat(...payload);
  return concat(Uint8Array.from(id), size1(body.length), body);
}
const ebmlHeader = element([0x1a, 0x45, 0xdf, 0xa3], element([0x42, 0x82], text("webm")));
const timecodeScale = (ns: number) => element([0x2a, 0xd7, 0xb1], u32(ns));
function float64(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value);
  return bytes;
}
function float32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setFloat32(0, value);
  return bytes;
}
const info = (...children: Uint8Array[]) => element([0x15, 0x49, 0xa9, 0x66], ...children);
const cluster = element([0x1f, 0x43, 0xb6, 0x75], new Uint8Array(16));
const segment = (...children: Uint8Array[]) => concat(Uint8Array.of(0x18, 0x53, 0x80, 0x67), unknownSize, ...children);

async function webmSeconds(bytes: Uint8Array) {
  return readWebmDuration(readerOf(bytes), bytes.length);
}

describe("WebM duration (Segment/Info/Duration)", () => {
  it("reads the sample video public/media/ethics-code.webm (45.9 s, 46 whole seconds)", async () => {
    const bytes = new Uint8Array(readFileSync("public/media/ethics-code.webm"));
    expect(sniffContainer(bytes)).toBe("webm");
    expect(await webmSeconds(bytes)).toBeCloseTo(45.9, 1);
    expect(await readVideoDurationSeconds("webm", readerOf(bytes), bytes.length)).toBe(46);
  });

  it.each([
    [
      "float64 duration in milliseconds",
      segment(info(timecodeScale(1_000_000), element([0x44, 0x89], float64(12_345)))),
      12.345,
    ],
    ["float32 duration, default scale", segment(info(element([0x44, 0x89], float32(2000)))), 2],
    [
      "a coarser scale (10 ms ticks)",
      segment(info(timecodeScale(10_000_000), element([0x44, 0x89], float64(150)))),
      1.5,
    ],
    [
      "SeekHead and Void before Info",
      segment(
        element([0x11, 0x4d, 0x9b, 0x74], new Uint8Array(12)),
        element([0xec], new Uint8Array(5)),
        info(element([0x44, 0x89], float64(7000))),
      ),
      7,
    ],
  ])("%s", async (_name, body, seconds) => {
    expect(await webmSeconds(concat(ebmlHeader, body))).toBeCloseTo(seconds, 3);
  });

  it.each([
    ["Info without Duration (a live recording)", segment(info(timecodeScale(1_000_000)), cluster)],
    ["media before any Info", segment(cluster, info(element([0x44, 0x89], float64(1000))))],
    ["no Segment", element([0xec], new Uint8Array(3))],
    ["a zero duration", segment(info(element([0x44, 0x89], float64(0))))],
  ])("gives null for %s", async (_name, body) => {
    expect(await webmSeconds(concat(ebmlHeader, body))).toBeNull();
  });

  it("gives null for a file that is not EBML at all", async () => {
    expect(await webmSeconds(text("not a video file at all"))).toBeNull();
  });
});

describe("upload names and containers", () => {
  it("recognises MP4 and WebM by their first bytes only", () => {
    expect(sniffContainer(ftyp)).toBe("mp4");
    expect(sniffContainer(ebmlHeader)).toBe("webm");
    expect(sniffContainer(text("GIF89a......"))).toBeNull();
    expect(sniffContainer(new Uint8Array(3))).toBeNull();
  });

  it("serves only names the server makes", () => {
    const name = storedUploadName("0f8fad5b-d9cb-469f-a165-70867728950e", "webm");
    expect(storedNameContainer(name)).toBe("webm");
    expect(storedNameContainer("0f8fad5b-d9cb-469f-a165-70867728950e.mp4")).toBe("mp4");
    for (const bad of [
      "../secret.mp4",
      "..%2Fsecret.mp4",
      "0f8fad5b-d9cb-469f-a165-70867728950e.mp4/../../x",
      "0F8FAD5B-D9CB-469F-A165-70867728950E.mp4",
      "0f8fad5b-d9cb-469f-a165-70867728950e.mov",
      ".upload-0f8fad5b-d9cb-469f-a165-70867728950e",
      "",
    ]) {
      expect(storedNameContainer(bad)).toBeNull();
    }
  });
});

describe("HTTP byte ranges", () => {
  it.each([
    [null, { kind: "full" }],
    ["bytes=0-99", { kind: "partial", start: 0, end: 99 }],
    ["bytes=100-", { kind: "partial", start: 100, end: 999 }],
    ["bytes=-100", { kind: "partial", start: 900, end: 999 }],
    ["bytes=-5000", { kind: "partial", start: 0, end: 999 }],
    ["bytes=900-5000", { kind: "partial", start: 900, end: 999 }],
    ["bytes=999-999", { kind: "partial", start: 999, end: 999 }],
    ["bytes=1000-", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
    ["bytes=5-3", { kind: "full" }],
    ["bytes=0-1,5-9", { kind: "full" }],
    ["items=0-9", { kind: "full" }],
    ["bytes=-", { kind: "full" }],
  ])("%s of 1000 bytes", (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });
});
