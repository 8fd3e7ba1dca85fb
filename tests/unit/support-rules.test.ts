// The support console's pure rules: ticket transitions and filters, the lookup grant, session
// anomalies in words, diagnostics in words, and the overview's chart rows.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canChangeTicketStatus,
  chartRows,
  describeDevice,
  describeDiagnostics,
  describeSessionAnomalies,
  formatAge,
  formatDurationMs,
  isLookupGrantCurrent,
  LOOKUP_GRANT_MS,
  nextTicketStatuses,
  playerErrorCodeLabel,
  playerErrorKindLabel,
  sessionState,
  statusesOf,
  ticketAgeRange,
  transitionLabel,
  type SessionFacts,
  type TicketStatus,
} from "../../src/domain/support";

const NOW = new Date("2026-11-27T10:00:00Z");
const HOUR = 3_600_000;
const STATUSES: TicketStatus[] = ["OPEN", "IN_PROGRESS", "RESOLVED"];

describe("tickets", () => {
  it.each([
    ["OPEN", "IN_PROGRESS", true, "开始处理"],
    ["OPEN", "RESOLVED", true, "标记为已解决"],
    ["IN_PROGRESS", "RESOLVED", true, "标记为已解决"],
    ["IN_PROGRESS", "OPEN", true, "退回待处理"],
    ["RESOLVED", "IN_PROGRESS", true, "重新处理"],
    ["RESOLVED", "OPEN", false, null],
    ["OPEN", "OPEN", false, null],
    ["RESOLVED", "RESOLVED", false, null],
  ] as const)("%s → %s allowed: %s", (from, to, allowed, label) => {
    expect(canChangeTicketStatus(from, to)).toBe(allowed);
    if (label) expect(transitionLabel(from, to)).toBe(label);
  });

  it("never offers a ticket its own status, and every status can be left", () => {
    for (const status of STATUSES) {
      expect(nextTicketStatuses(status)).not.toContain(status);
      expect(nextTicketStatuses(status).length).toBeGreaterThan(0);
    }
  });

  it("filters by status and by age", () => {
    expect(statusesOf("active")).toEqual(["OPEN", "IN_PROGRESS"]);
    expect(statusesOf("RESOLVED")).toEqual(["RESOLVED"]);
    expect(statusesOf("all")).toBeNull();
    expect(ticketAgeRange("24h", NOW)).toEqual({ gte: new Date(NOW.getTime() - 24 * HOUR) });
    expect(ticketAgeRange("7d", NOW)).toEqual({ gte: new Date(NOW.getTime() - 7 * 24 * HOUR) });
    expect(ticketAgeRange("older", NOW)).toEqual({ lt: new Date(NOW.getTime() - 7 * 24 * HOUR) });
    expect(ticketAgeRange("any", NOW)).toEqual({});
  });

  it.each([
    [0, "0分钟"],
    [59 * 60_000, "59分钟"],
    [HOUR, "1小时"],
    [47 * HOUR, "47小时"],
    [48 * HOUR, "2天"],
    [-HOUR, "0分钟"],
  ])("waiting %i ms reads %s", (ms, text) => {
    expect(formatAge(new Date(NOW.getTime() - ms), NOW)).toBe(text);
  });
});

describe("lookups", () => {
  it("grant access for four hours after the lookup, not before it nor after", () => {
    expect(isLookupGrantCurrent(NOW, NOW)).toBe(true);
    expect(isLookupGrantCurrent(new Date(NOW.getTime() - LOOKUP_GRANT_MS), NOW)).toBe(true);
    expect(isLookupGrantCurrent(new Date(NOW.getTime() - LOOKUP_GRANT_MS - 1), NOW)).toBe(false);
    expect(isLookupGrantCurrent(new Date(NOW.getTime() + 1), NOW)).toBe(false);
  });
});

describe("sessions in words", () => {
  const facts = (over: Partial<SessionFacts> = {}): SessionFacts => ({
    startedAt: new Date(NOW.getTime() - 10 * 60_000),
    lastBeatAt: new Date(NOW.getTime() - 5 * 60_000),
    endedAt: new Date(NOW.getTime() - 5 * 60_000),
    endReason: "CLOSED",
    acceptedBeats: 20,
    ignoredBeats: 0,
    jumpBeats: 0,
    contiguous: true,
    verdicts: { play: 20 },
    ...over,
  });
  const codes = (over: Partial<SessionFacts>) => describeSessionAnomalies(facts(over), NOW).map((n) => n.code);

  it("say nothing about a session that went normally", () => {
    expect(describeSessionAnomalies(facts(), NOW)).toEqual([]);
  });

  it.each([
    [{ endReason: "TAKEN_OVER" as const }, ["taken-over"], "另一个页面或设备开始播放，本次播放已停止计时"],
    [{ jumpBeats: 2, contiguous: false }, ["jump", "not-crediting"], "检测到进度跳跃，跳过的部分未计入学习时间"],
    [
      { verdicts: { play: 20, unchecked: 3 } },
      ["unchecked"],
      "“您还在学习吗？”确认未回答，期间的播放未计时；点击“继续学习”即恢复计时",
    ],
    [{ verdicts: { play: 20, replay: 3 } }, ["ignored"], "重复或乱序的心跳已忽略"],
    [{ ignoredBeats: 1, verdicts: { play: 20, clock: 1, conflict: 1 } }, ["ignored"], "重复或乱序的心跳已忽略"],
    [{ verdicts: { ended: 4 } }, ["after-end"], "本次播放结束后页面仍在发送心跳，这些心跳未计时"],
    [{ acceptedBeats: 0, verdicts: {} }, ["no-beats"], "未收到有效的播放心跳：视频可能没有开始播放"],
    [{ verdicts: { "learner-inactive": 1 } }, ["inactive"], "学员账号已停用，播放未计时"],
    [{ verdicts: { play: 20, "seek-back": 2 } }, ["seek-back"], "回看了已学过的内容，不影响已核验的学习时间"],
  ])("%o → %o", (over, expected, text) => {
    expect(codes(over)).toEqual(expected);
    expect(describeSessionAnomalies(facts(over), NOW)[0]?.text).toBe(text);
  });

  it("count ignored beats once whether they were counted on the session or in the raw log", () => {
    const [ignored] = describeSessionAnomalies(facts({ ignoredBeats: 2, verdicts: { clock: 2, replay: 1 } }), NOW);
    expect(ignored).toMatchObject({ code: "ignored", count: 3 });
  });

  it("tell a playing session from an interrupted one by its last heartbeat", () => {
    const open = { endReason: null, endedAt: null };
    expect(sessionState({ ...open, lastBeatAt: new Date(NOW.getTime() - 30_000) }, NOW)).toBe("playing");
    expect(sessionState({ ...open, lastBeatAt: new Date(NOW.getTime() - 3 * 60_000) }, NOW)).toBe("interrupted");
    expect(sessionState({ endReason: "TAKEN_OVER", lastBeatAt: NOW }, NOW)).toBe("taken-over");
    // A session still playing is not blamed for beats it has not sent yet.
    expect(codes({ ...open, acceptedBeats: 0, verdicts: {}, lastBeatAt: new Date(NOW.getTime() - 10_000) })).toEqual(
      [],
    );
  });
});

describe("diagnostics in words", () => {
  const full = {
    canPlay: { mp4: "probably", webm: "maybe", hls: "", hlsJs: false },
    reach: { ok: false, status: 404, ms: 85 },
    recentErrors: [{ kind: "media", code: 4, message: "MEDIA_ERR_SRC_NOT_SUPPORTED", at: "2026-11-27T09:59:00Z" }],
    videoUrl: "https://cdn.example.com/v/1.m3u8?learner=420102198503121238",
    positionMs: 61_000,
    networkType: "3g",
    online: true,
    screen: "390x844@3",
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  };

  it("reads formats, reachability, errors and the environment", () => {
    const view = describeDiagnostics(full);
    expect(view.formats.map((f) => [f.value, f.ok])).toEqual([
      ["支持", true],
      ["可能支持", true],
      ["不支持", false],
      ["不支持", false],
    ]);
    expect(view.reach).toEqual({ label: "访问检测", value: "无法访问（HTTP 404，用时 85 毫秒）", ok: false });
    expect(view.recentErrors).toEqual([
      {
        at: "2026-11-27T09:59:00Z",
        kind: "视频解码或格式错误",
        detail: "视频格式不受支持或地址无效：MEDIA_ERR_SRC_NOT_SUPPORTED",
      },
    ]);
    expect(Object.fromEntries(view.environment.map((r) => [r.label, r.value]))).toEqual({
      设备: "手机",
      浏览器: "Mobile Safari 17",
      操作系统: "iOS 17",
      网络类型: "3G",
      网络连接: "在线",
      屏幕: "390x844@3",
    });
    expect(view.positionMs).toBe(61_000);
    expect(view.videoUrl).not.toMatch(/\d{17}[\dX]/);
  });

  it.each([
    [{ ok: true, status: 206, ms: 4_500 }, "可以访问，但响应较慢（HTTP 206，用时 4500 毫秒）", false],
    [{ ok: false, ms: 8_000, error: "timeout after 8000 ms" }, "无法访问（用时 8000 毫秒，请求超时）", false],
    [{ ok: false, error: "TypeError: Failed to fetch" }, "无法访问（TypeError: Failed to fetch）", false],
    [{ ok: true }, "可以访问", true],
  ])("reach %o reads %s", (reach, value, ok) => {
    expect(describeDiagnostics({ reach }).reach).toMatchObject({ value, ok });
  });

  it("shows whatever is there of anything stored, and never throws", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (stored) => {
        const view = describeDiagnostics(stored);
        expect(Array.isArray(view.formats) && Array.isArray(view.environment)).toBe(true);
      }),
    );
    expect(describeDiagnostics({ reach: "broken", canPlay: { mp4: 1 }, online: false })).toMatchObject({
      reach: null,
      formats: [{ value: "未检测" }, { value: "未检测" }, { value: "未检测" }, { value: "未检测" }],
      environment: [{ label: "网络连接", value: "离线", ok: false }],
    });
  });
});

describe("labels", () => {
  it("name player errors and their codes", () => {
    expect(playerErrorKindLabel("stall")).toBe("长时间缓冲（卡顿）");
    expect(playerErrorKindLabel("new-kind")).toBe("new-kind");
    expect(playerErrorCodeLabel("media", 2)).toBe("网络错误，视频下载中断");
    expect(playerErrorCodeLabel("hls", 403)).toBe("HTTP 403");
    expect(playerErrorCodeLabel("media", null)).toBeNull();
    expect(
      describeDevice("Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"),
    ).toMatchObject({ device: "手机", os: "Android 14" });
    expect(describeDevice(null)).toBeNull();
  });

  it.each([
    [0, "0:00"],
    [59_999, "0:59"],
    [61_000, "1:01"],
    [3_723_000, "1:02:03"],
    [-5, "0:00"],
  ])("%i ms is %s", (ms, text) => {
    expect(formatDurationMs(ms)).toBe(text);
  });
});

describe("overview chart rows", () => {
  const tallies = [
    { label: "Chrome 120", day: 5, week: 9 },
    { label: "Safari 17", day: 0, week: 4 },
    { label: "Edge 120", day: 2, week: 2 },
  ];

  it("keep the largest groups of the window and sum the rest into 其他", () => {
    expect(chartRows(tallies, 7, "day", 8)).toEqual([
      { label: "Chrome 120", value: 5 },
      { label: "Edge 120", value: 2 },
    ]);
    expect(chartRows(tallies, 20, "week", 2)).toEqual([
      { label: "Chrome 120", value: 9 },
      { label: "Safari 17", value: 4 },
      { label: "其他", value: 7 },
    ]);
  });

  it("always add up to the total", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.nat(1000), week: fc.nat(1000) }), { maxLength: 30 }),
        fc.nat(50),
        fc.integer({ min: 1, max: 10 }),
        (counts, extra, top) => {
          const rows = counts.map((c, i) => ({ label: `g${i}`, ...c }));
          const total = rows.reduce((sum, r) => sum + r.week, 0) + extra;
          const bars = chartRows(rows, total, "week", top);
          expect(bars.reduce((sum, b) => sum + b.value, 0)).toBe(total);
          expect(bars.filter((b) => b.label !== "其他").length).toBeLessThanOrEqual(top);
        },
      ),
    );
  });
});
