// The diagnostics a learner's player sends with 播放遇到问题？ (see src/components/player/
// run-diagnostics.ts), in words. Stored JSON is read leniently: a report from an older player,
// or a field missing, still shows whatever is there.
import { z } from "zod";
import { scrubIdNumbers } from "@/lib/scrub";
import { describeDevice } from "./device";
import { playerErrorCodeLabel, playerErrorKindLabel } from "./player-errors";

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const ZStoredDiagnostics = z.object({
  canPlay: optional(
    z.object({
      mp4: optional(z.string()),
      webm: optional(z.string()),
      hls: optional(z.string()),
      hlsJs: optional(z.boolean()),
    }),
  ),
  reach: optional(
    z.object({
      ok: z.boolean(),
      status: optional(z.number()),
      ms: optional(z.number()),
      error: optional(z.string()),
    }),
  ),
  recentErrors: optional(
    z.array(
      z.object({
        kind: z.string(),
        code: optional(z.number()),
        message: optional(z.string()),
        at: optional(z.string()),
      }),
    ),
  ),
  videoUrl: optional(z.string()),
  positionMs: optional(z.number()),
  networkType: optional(z.string()),
  online: optional(z.boolean()),
  screen: optional(z.string()),
  userAgent: optional(z.string()),
});

/** A reply slower than this makes a video start slowly even on a good connection. */
export const SLOW_REACH_MS = 3_000;

export interface DiagnosticsRow {
  label: string;
  value: string;
  /** false: points at the problem; null: neutral. */
  ok: boolean | null;
}

export interface DiagnosticsView {
  formats: DiagnosticsRow[];
  reach: DiagnosticsRow | null;
  recentErrors: { at: string | null; kind: string; detail: string | null }[];
  environment: DiagnosticsRow[];
  videoUrl: string | null;
  positionMs: number | null;
  userAgent: string | null;
}

function canPlayRow(label: string, answer: string | undefined): DiagnosticsRow {
  if (answer === undefined) return { label, value: "未检测", ok: null };
  if (answer === "probably") return { label, value: "支持", ok: true };
  if (answer === "maybe") return { label, value: "可能支持", ok: true };
  return { label, value: "不支持", ok: false };
}

function reachRow(reach: NonNullable<z.output<typeof ZStoredDiagnostics>["reach"]>): DiagnosticsRow {
  const parts = [
    reach.status !== undefined ? `HTTP ${reach.status}` : null,
    reach.ms !== undefined ? `用时 ${Math.round(reach.ms)} 毫秒` : null,
    reach.error ? (/^timeout/i.test(reach.error) ? "请求超时" : scrubIdNumbers(reach.error)) : null,
  ].filter(Boolean);
  const slow = reach.ok && reach.ms !== undefined && reach.ms > SLOW_REACH_MS;
  const head = reach.ok ? (slow ? "可以访问，但响应较慢" : "可以访问") : "无法访问";
  return { label: "访问检测", value: parts.length ? `${head}（${parts.join("，")}）` : head, ok: reach.ok && !slow };
}

/** The stored diagnostics of a problem report, ready to show. */
export function describeDiagnostics(stored: unknown): DiagnosticsView {
  const parsed = ZStoredDiagnostics.safeParse(stored);
  const d = parsed.success ? parsed.data : {};
  const device = describeDevice(d.userAgent);
  const environment: DiagnosticsRow[] = [];
  if (device) {
    environment.push({ label: "设备", value: device.device, ok: null });
    environment.push({ label: "浏览器", value: device.browser ?? "未知", ok: null });
    environment.push({ label: "操作系统", value: device.os ?? "未知", ok: null });
  }
  if (d.networkType) environment.push({ label: "网络类型", value: d.networkType.toUpperCase(), ok: null });
  if (d.online !== undefined) environment.push({ label: "网络连接", value: d.online ? "在线" : "离线", ok: d.online });
  if (d.screen) environment.push({ label: "屏幕", value: d.screen, ok: null });
  return {
    formats: d.canPlay
      ? [
          canPlayRow("MP4（H.264）", d.canPlay.mp4),
          canPlayRow("WebM（VP9）", d.canPlay.webm),
          canPlayRow("HLS（浏览器自带）", d.canPlay.hls),
          {
            label: "HLS（hls.js）",
            value: d.canPlay.hlsJs === undefined ? "未检测" : d.canPlay.hlsJs ? "支持" : "不支持",
            ok: d.canPlay.hlsJs ?? null,
          },
        ]
      : [],
    reach: d.reach ? reachRow(d.reach) : null,
    recentErrors: (d.recentErrors ?? []).slice(-20).map((e) => ({
      at: e.at ?? null,
      kind: playerErrorKindLabel(e.kind),
      detail:
        [playerErrorCodeLabel(e.kind, e.code), e.message ? scrubIdNumbers(e.message) : null]
          .filter(Boolean)
          .join("：") || null,
    })),
    environment,
    videoUrl: d.videoUrl ? scrubIdNumbers(d.videoUrl) : null,
    positionMs: d.positionMs ?? null,
    userAgent: d.userAgent ? scrubIdNumbers(d.userAgent) : null,
  };
}
