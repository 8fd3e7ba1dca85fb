// Errors the player reports (PlayerError.kind, .code), in words for support staff.

export const PLAYER_ERROR_KIND_LABELS: Readonly<Record<string, string>> = {
  media: "视频解码或格式错误",
  stall: "长时间缓冲（卡顿）",
  load: "播放组件加载失败",
  hls: "流媒体（HLS）播放错误",
  start: "无法开始播放",
  other: "其他错误",
};

export function playerErrorKindLabel(kind: string): string {
  return PLAYER_ERROR_KIND_LABELS[kind] ?? kind;
}

// HTMLMediaElement's MediaError codes.
const MEDIA_ERROR_CODES: Readonly<Record<number, string>> = {
  1: "播放被中止",
  2: "网络错误，视频下载中断",
  3: "视频解码失败",
  4: "视频格式不受支持或地址无效",
};

/** The meaning of an error's code: MediaError codes for media errors, HTTP status for HLS. */
export function playerErrorCodeLabel(kind: string, code: number | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  if (kind === "media") return MEDIA_ERROR_CODES[code] ?? `错误代码 ${code}`;
  if (kind === "hls") return code === 0 ? "网络请求失败" : `HTTP ${code}`;
  return `代码 ${code}`;
}
