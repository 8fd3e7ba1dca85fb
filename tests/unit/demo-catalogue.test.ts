// The demo catalogue (prisma/seed/courses.ts) against the sample media in public/media/.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEMO_COURSES, SHORT_COURSE_TITLE } from "../../prisma/seed/courses";

const PUBLIC_DIR = fileURLToPath(new URL("../../public", import.meta.url));
const lessons = DEMO_COURSES.flatMap((c) => c.lessons.map((l) => ({ course: c.title, ...l })));
const videoUrls = [...new Set(lessons.map((l) => l.videoUrl))];

function publicFile(url: string): string {
  return join(PUBLIC_DIR, ...url.split("/").filter(Boolean));
}

/** The media files a playlist refers to (segments or variant playlists), as public URLs. */
function playlistEntries(url: string): string[] {
  const base = url.slice(0, url.lastIndexOf("/") + 1);
  return readFileSync(publicFile(url), "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((entry) => base + entry);
}

/** An HLS VOD playlist's duration: the sum of its segments' EXTINF. */
function playlistSeconds(url: string): number {
  const text = readFileSync(publicFile(url), "utf8");
  return [...text.matchAll(/^#EXTINF:([\d.]+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

/** An MP4's duration from its movie header box (mvhd), without ffprobe. */
function mp4Seconds(url: string): number {
  const buf = readFileSync(publicFile(url));
  const at = buf.indexOf("mvhd");
  if (at < 0) throw new Error(`${url}: no mvhd box`);
  const version = buf.readUInt8(at + 4);
  // version 0: creation(4) modification(4) timescale(4) duration(4); version 1: 8, 8, 4, 8.
  const timescale = buf.readUInt32BE(at + 8 + (version === 1 ? 16 : 8));
  const duration = version === 1 ? Number(buf.readBigUInt64BE(at + 8 + 20)) : buf.readUInt32BE(at + 8 + 12);
  return duration / timescale;
}

interface ManifestEntry {
  url: string;
  durationSeconds: number;
}
const manifest = (
  JSON.parse(readFileSync(join(PUBLIC_DIR, "media", "manifest.json"), "utf8")) as { files: ManifestEntry[] }
).files;

describe("demo catalogue", () => {
  it("has at least 16 courses with unique titles, in both categories", () => {
    expect(DEMO_COURSES.length).toBeGreaterThanOrEqual(16);
    const titles = DEMO_COURSES.map((c) => c.title);
    expect(new Set(titles).size).toBe(titles.length);
    const categories = new Set(DEMO_COURSES.map((c) => c.category));
    expect(categories).toEqual(new Set(["PUBLIC", "PROFESSIONAL"]));
  });

  it("gives every course integer credits from 3 to 24, a description and 1 to 4 lessons", () => {
    for (const c of DEMO_COURSES) {
      expect(Number.isInteger(c.credits), c.title).toBe(true);
      expect(c.credits, c.title).toBeGreaterThanOrEqual(3);
      expect(c.credits, c.title).toBeLessThanOrEqual(24);
      expect(c.description.length, c.title).toBeGreaterThan(40);
      expect(c.lessons.length, c.title).toBeGreaterThanOrEqual(1);
      expect(c.lessons.length, c.title).toBeLessThanOrEqual(4);
      for (const l of c.lessons) expect(l.title.trim(), c.title).not.toBe("");
    }
  });

  it("has exactly one retired and one draft course; the others are published", () => {
    expect(DEMO_COURSES.filter((c) => c.status === "RETIRED")).toHaveLength(1);
    expect(DEMO_COURSES.filter((c) => c.status === "DRAFT")).toHaveLength(1);
    for (const c of DEMO_COURSES) {
      if (c.status === "DRAFT") expect(c.publishedOn, c.title).toBeUndefined();
      else expect(c.publishedOn, c.title).toMatch(/^20\d\d-\d\d-\d\d$/);
    }
  });

  it("lets a learner complete a year from published courses alone (90 credits, 60 professional)", () => {
    const published = DEMO_COURSES.filter((c) => c.status === "PUBLISHED");
    const sum = (cs: typeof published) => cs.reduce((total, c) => total + c.credits, 0);
    expect(sum(published)).toBeGreaterThanOrEqual(90);
    expect(sum(published.filter((c) => c.category === "PROFESSIONAL"))).toBeGreaterThanOrEqual(60);
  });

  it("has exactly one short course: public, 3 credits, one lesson of at most 15 seconds", () => {
    const short = DEMO_COURSES.filter((c) => c.lessons.every((l) => l.durationSeconds <= 15));
    expect(short.map((c) => c.title)).toEqual([SHORT_COURSE_TITLE]);
    const [course] = short;
    expect(course).toMatchObject({ category: "PUBLIC", credits: 3, status: "PUBLISHED" });
    expect(course?.lessons).toHaveLength(1);
  });
});

describe("demo lesson videos", () => {
  it("point at files that exist under public/, with every HLS segment present", () => {
    for (const url of videoUrls) {
      expect(url, url).toMatch(/^\/media\/[\w/-]+\.(mp4|webm|m3u8)$/);
      expect(existsSync(publicFile(url)), url).toBe(true);
      if (url.endsWith(".m3u8")) {
        const entries = playlistEntries(url);
        expect(entries.length, url).toBeGreaterThan(1);
        for (const entry of entries) {
          expect(existsSync(publicFile(entry)), entry).toBe(true);
          expect(statSync(publicFile(entry)).size, entry).toBeGreaterThan(0);
        }
      }
    }
  });

  it("use every sample format: MP4, WebM and HLS", () => {
    const formats = new Set(videoUrls.map((url) => url.slice(url.lastIndexOf(".") + 1)));
    expect(formats).toEqual(new Set(["mp4", "webm", "m3u8"]));
  });

  it("record durations that are positive integers and the real duration of the file", () => {
    for (const l of lessons) {
      expect(Number.isInteger(l.durationSeconds), l.videoUrl).toBe(true);
      expect(l.durationSeconds, l.videoUrl).toBeGreaterThan(0);
      expect(manifest.find((m) => m.url === l.videoUrl)?.durationSeconds, l.videoUrl).toBe(l.durationSeconds);
      if (l.videoUrl.endsWith(".mp4")) expect(Math.ceil(mp4Seconds(l.videoUrl)), l.videoUrl).toBe(l.durationSeconds);
      if (l.videoUrl.endsWith(".m3u8")) {
        expect(Math.ceil(playlistSeconds(l.videoUrl)), l.videoUrl).toBe(l.durationSeconds);
      }
    }
  });

  it("keep the committed media small (a few MB in all) and listed in the manifest", () => {
    const mediaDir = join(PUBLIC_DIR, "media");
    const files = readdirSync(mediaDir, { recursive: true, encoding: "utf8" }).filter((f) =>
      statSync(join(mediaDir, f)).isFile(),
    );
    const total = files.reduce((sum, f) => sum + statSync(join(mediaDir, f)).size, 0);
    expect(total).toBeLessThanOrEqual(6 * 1024 * 1024);
    // Every sample file is used by some lesson, and the manifest lists exactly those files.
    expect(new Set(manifest.map((m) => m.url))).toEqual(new Set(videoUrls));
  });
});
