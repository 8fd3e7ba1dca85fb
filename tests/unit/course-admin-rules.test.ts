import { describe, expect, it } from "vitest";
import {
  canTransition,
  courseTermsLocked,
  formatDurationText,
  lessonStructureLocked,
  mediaUrlProblem,
  parseDurationText,
  publishBlockers,
} from "../../src/domain/course-admin";

describe("publishing", () => {
  it("says in Chinese what a course still lacks", () => {
    expect(publishBlockers({ lessonCount: 0, activeQuestionCount: 0 })).toEqual([
      "至少需要 1 个课时",
      "题库中至少需要 1 道启用的题目",
    ]);
    expect(publishBlockers({ lessonCount: 1, activeQuestionCount: 0 })).toEqual(["题库中至少需要 1 道启用的题目"]);
    expect(publishBlockers({ lessonCount: 3, activeQuestionCount: 1 })).toEqual([]);
  });

  it.each([
    ["DRAFT", "publish", true],
    ["RETIRED", "publish", true],
    ["PUBLISHED", "publish", false],
    ["PUBLISHED", "retire", true],
    ["DRAFT", "retire", false],
    ["RETIRED", "retire", false],
  ] as const)("%s may %s: %s", (from, transition, allowed) => {
    expect(canTransition(from, transition)).toBe(allowed);
  });

  it("locks credits, category and the lesson structure once anyone enrolled", () => {
    expect(courseTermsLocked(0)).toBe(false);
    expect(courseTermsLocked(1)).toBe(true);
    expect(lessonStructureLocked(0)).toBe(false);
    expect(lessonStructureLocked(3)).toBe(true);
  });
});

describe("lesson durations", () => {
  it.each([
    ["45:30", 2730],
    ["0:59", 59],
    ["75:00", 4500],
    ["1:02:03", 3723],
    ["１２：３０", 750],
    [" 90 ", 90],
    ["600:00", 36_000],
  ])("reads %s as %i seconds", (text, seconds) => {
    expect(parseDurationText(text)).toBe(seconds);
  });

  it.each(["", "0", "0:00", "1:60", "1:5", "1:60:00", "12.5", "-3", "600:01", "abc", "1:2:3:4"])(
    "refuses %j",
    (text) => {
      expect(parseDurationText(text)).toBeNull();
    },
  );

  it("formats as minutes:seconds and reads back", () => {
    for (const seconds of [1, 59, 60, 750, 3723, 36_000]) {
      expect(parseDurationText(formatDurationText(seconds))).toBe(seconds);
    }
    expect(formatDurationText(750)).toBe("12:30");
  });
});

describe("video addresses", () => {
  it.each([
    "/media/quick-start.mp4",
    "/media/uploads/0f8fad5b-d9cb-469f-a165-70867728950e.webm",
    "/media/hls/accounting-law/index.m3u8",
    "https://cdn.example.cn/v/lesson.MP4?token=abc",
    "http://10.1.2.3/video/a.m3u8#t=10",
  ])("accepts %s", (url) => {
    expect(mediaUrlProblem(url)).toBeNull();
  });

  it.each([
    ["", /请填写/],
    ["media/x.mp4", /http/],
    ["//evil.example/x.mp4", /单个/],
    ["/media/../secret.mp4", /\.\./],
    ["javascript:alert(1)//.mp4", /http/],
    ["ftp://host/x.mp4", /http/],
    ["https://user:pw@host/x.mp4", /用户名或密码/],
    ["/media/x.avi", /MP4、WebM/],
    ["https://host/page.html", /MP4、WebM/],
    ["/media/a b.mp4", /空格/],
    [`/media/${"a".repeat(500)}.mp4`, /过长/],
  ])("refuses %j", (url, problem) => {
    expect(mediaUrlProblem(url)).toMatch(problem);
  });

  it("accepts any file type for a cover image", () => {
    expect(mediaUrlProblem("/media/cover.jpg", { anyFile: true })).toBeNull();
    expect(mediaUrlProblem("javascript:alert(1)", { anyFile: true })).toMatch(/http/);
  });
});
