// Lessons: their video address, their duration as an administrator types it, and what may change
// once learners are studying the course.

export const LESSON_LIMITS = {
  titleMax: 100,
  videoUrlMax: 500,
  /** Ten hours: longer is a typing mistake, not a lesson. */
  durationSecondsMax: 36_000,
} as const;

const VIDEO_EXTENSIONS = /\.(mp4|webm|m3u8)$/i;

/**
 * Why an address cannot be used (Chinese), or null when it can. Accepted: an http(s) URL, or a
 * path on this site ("/media/x.mp4"); its file must be MP4, WebM or an HLS playlist (.m3u8).
 * With `anyFile`, any file type (a cover image).
 */
export function mediaUrlProblem(raw: string, opts: { anyFile?: boolean; max?: number } = {}): string | null {
  const url = raw.trim();
  if (url === "") return "请填写地址";
  if (url.length > (opts.max ?? LESSON_LIMITS.videoUrlMax)) return "地址过长";
  if (/[\s\\]/.test(url) || /\p{Cc}/u.test(url)) return "地址中不能有空格或特殊字符";
  let path: string;
  if (url.startsWith("/")) {
    if (url.startsWith("//")) return "站内地址须以单个 / 开头，如 /media/lesson.mp4";
    path = url.split(/[?#]/, 1)[0] ?? "";
    if (path.split("/").some((segment) => segment === ".." || segment === ".")) return "地址中不能含有 . 或 .. 路径";
  } else {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return "请填写以 http:// 或 https:// 开头的地址，或以 / 开头的站内地址";
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
      return "请填写以 http:// 或 https:// 开头的地址，或以 / 开头的站内地址";
    }
    if (parsed.username || parsed.password) return "地址中不能含有用户名或密码";
    path = parsed.pathname;
  }
  if (!opts.anyFile && !VIDEO_EXTENSIONS.test(path)) return "视频须为 MP4、WebM 文件或 HLS 播放列表（.m3u8）";
  return null;
}

/**
 * 时长 as typed: "12:30" (minutes:seconds, minutes may exceed 59), "1:02:03" (hours), or whole
 * seconds ("750"). Full-width digits and colons are accepted. Null when it is not a duration of
 * 1 second to 10 hours.
 */
export function parseDurationText(raw: string): number | null {
  const text = raw.normalize("NFKC").trim();
  let seconds: number;
  if (/^\d+$/.test(text)) {
    seconds = Number(text);
  } else {
    const match = /^(?:(\d+):)?(\d+):([0-5]\d)$/.exec(text);
    if (!match) return null;
    const [, h, m, s] = match;
    if (h !== undefined && Number(m) > 59) return null;
    seconds = Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
  }
  return seconds >= 1 && seconds <= LESSON_LIMITS.durationSecondsMax ? seconds : null;
}

/** Seconds as minutes:seconds, e.g. 750 → "12:30", 3723 → "62:03" (the form's own format). */
export function formatDurationText(totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  return `${minutes}:${String(totalSeconds % 60).padStart(2, "0")}`;
}

/**
 * Under enrollments, lessons can be edited (title, video, duration) and added, but not removed or
 * reordered: learners' verified progress is recorded per lesson, and "the third lesson" must keep
 * meaning what it meant when they studied it.
 */
export function lessonStructureLocked(enrollmentCount: number): boolean {
  return enrollmentCount > 0;
}
