// The player's guards and reports, wired to a <video>: beats on play, pause, seek, end and
// every 15 s; seeks kept within verified time; speed capped; paused when the page is hidden;
// errors and stalls reported. Returns the unwiring.
import { BEAT_INTERVAL_MS, MAX_PLAYBACK_RATE } from "@/domain/playback";
import { formatPosition } from "./format";
import type { BeatEvent, HeartbeatClient } from "./heartbeat-client";
import type { reportPlayerError } from "./player-errors";

export const SEEK_SLACK_MS = 1_000;
const STALL_REPORT_AFTER_MS = 10_000;
const KEEPALIVE_INTERVAL_MS = 5 * 60_000;

interface Ref<T> {
  current: T;
}

export interface PlayerRefs {
  client: Ref<HeartbeatClient | null>;
  /** The server's verified position of this lesson. */
  verified: Ref<number>;
  /** The furthest position reached by plain 1× playback on this page, which may be seeked to. */
  furthest: Ref<number>;
  crediting: Ref<boolean>;
  lastNatural: Ref<{ pos: number; at: number } | null>;
  hiding: Ref<boolean>;
}

export interface PlayerActions {
  setNotice: (notice: string) => void;
  reportError: (error: Parameters<typeof reportPlayerError>[0]) => void;
  seekTo: (ms: number) => void;
}

export function wireVideo(video: HTMLVideoElement, refs: PlayerRefs, actions: PlayerActions): () => void {
  const { client, verified, furthest, crediting, lastNatural, hiding } = refs;
  const { setNotice, reportError, seekTo } = actions;
  const positionMs = () => Math.floor(video.currentTime * 1000);
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  let seekedTimer: ReturnType<typeof setTimeout> | undefined;
  let lastReportedPos = -1;
  const beat = (event: BeatEvent, pos = positionMs()) => {
    lastReportedPos = pos;
    client.current?.send(event, pos);
  };

  const onSeeking = () => {
    const target = positionMs();
    const allowed = Math.max(verified.current, furthest.current);
    if (target > allowed + SEEK_SLACK_MS) {
      seekTo(allowed);
      setNotice(`不能跳过未学习的内容，已回到您学到的位置（${formatPosition(allowed)}）。`);
      return;
    }
    // Report where the run stopped before it moves, so the time played up to there counts.
    const before = lastNatural.current?.pos;
    if (before !== undefined && before !== lastReportedPos) beat("seek", before);
    lastNatural.current = null;
  };
  const onSeeked = () => {
    clearTimeout(seekedTimer);
    seekedTimer = setTimeout(() => beat("seek"), 300);
  };
  const onTimeUpdate = () => {
    const now = performance.now();
    const pos = positionMs();
    const prev = lastNatural.current;
    if (prev && !video.paused && !video.seeking && pos >= prev.pos) {
      const wallMs = now - prev.at;
      if (crediting.current && video.playbackRate <= 1 && pos - prev.pos <= wallMs * 1.1 + 500) {
        furthest.current = Math.max(furthest.current, pos);
      }
    }
    lastNatural.current = { pos, at: now };
  };
  const onPause = () => {
    if (!hiding.current && !video.ended) beat("pause");
  };
  const onEnded = () => beat("ended");
  const onRateChange = () => {
    if (video.playbackRate > MAX_PLAYBACK_RATE) {
      video.playbackRate = MAX_PLAYBACK_RATE;
      setNotice(`播放速度最高为 ${MAX_PLAYBACK_RATE} 倍。`);
    }
  };
  const onError = () =>
    reportError({ kind: "media", code: video.error?.code, message: video.error?.message || undefined });
  const onWaiting = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => {
      if (video.readyState < HTMLMediaElement.HAVE_FUTURE_DATA)
        reportError({ kind: "stall", message: `readyState ${video.readyState}` });
    }, STALL_REPORT_AFTER_MS);
  };
  const onPlaying = () => {
    clearTimeout(stallTimer);
    // Time the page sat paused before this is not study time: the run's clock starts here.
    beat("play");
  };
  const onVisibility = () => {
    if (document.visibilityState === "hidden" && !video.paused) {
      hiding.current = true;
      video.pause();
      client.current?.beacon("hide", positionMs());
      setNotice("页面切换到后台时已暂停播放，请点击播放继续学习。");
    } else if (document.visibilityState === "visible") {
      hiding.current = false;
    }
  };
  const onPageHide = () => client.current?.beacon("close", positionMs());
  const tick = setInterval(() => {
    if (!video.paused && !video.ended) beat("tick");
  }, BEAT_INTERVAL_MS);
  // Watching is activity: keeps the session's idle timeout from signing the learner out.
  const keepAlive = setInterval(() => {
    if (!video.paused) void fetch("/api/playback/keepalive", { method: "POST" }).catch(() => undefined);
  }, KEEPALIVE_INTERVAL_MS);

  const listeners: Array<[string, () => void]> = [
    ["seeking", onSeeking],
    ["seeked", onSeeked],
    ["timeupdate", onTimeUpdate],
    ["pause", onPause],
    ["ended", onEnded],
    ["ratechange", onRateChange],
    ["error", onError],
    ["waiting", onWaiting],
    ["playing", onPlaying],
  ];
  for (const [name, listener] of listeners) video.addEventListener(name, listener);
  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("pagehide", onPageHide);
  return () => {
    for (const [name, listener] of listeners) video.removeEventListener(name, listener);
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("pagehide", onPageHide);
    clearInterval(tick);
    clearInterval(keepAlive);
    clearTimeout(stallTimer);
    clearTimeout(seekedTimer);
    client.current?.beacon("close", positionMs());
    client.current?.stop();
    client.current = null;
  };
}
