// The quick check behind 播放遇到问题？: what this browser can play, whether the video's address
// answers (and how fast), and the player's recent errors.
import { networkType, recentPlayerErrors } from "./player-errors";
import { NATIVE_HLS_TYPE } from "./video-source";

const REACH_TIMEOUT_MS = 8_000;

export interface PlaybackDiagnostics {
  canPlay: { mp4: string; webm: string; hls: string; hlsJs: boolean };
  reach: { ok: boolean; status?: number; ms?: number; error?: string };
  recentErrors: ReturnType<typeof recentPlayerErrors>;
  videoUrl: string;
  positionMs?: number;
  networkType?: string;
  online?: boolean;
  screen?: string;
  userAgent?: string;
}

async function reach(url: string): Promise<PlaybackDiagnostics["reach"]> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REACH_TIMEOUT_MS);
  try {
    // A one-kilobyte range: proves the address answers without downloading the video.
    const response = await fetch(url, {
      headers: { Range: "bytes=0-1023" },
      cache: "no-store",
      signal: controller.signal,
    });
    await response.arrayBuffer();
    return { ok: response.ok, status: response.status, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const message = controller.signal.aborted ? `timeout after ${REACH_TIMEOUT_MS} ms` : String(error);
    return { ok: false, ms: Math.round(performance.now() - started), error: message.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

export async function runDiagnostics(videoUrl: string, positionMs?: number): Promise<PlaybackDiagnostics> {
  const probe = document.createElement("video");
  const [hlsJs, reachResult] = await Promise.all([
    import("hls.js").then(({ default: Hls }) => Hls.isSupported()).catch(() => false),
    reach(videoUrl),
  ]);
  return {
    canPlay: {
      mp4: probe.canPlayType('video/mp4; codecs="avc1.4D401E, mp4a.40.2"'),
      webm: probe.canPlayType('video/webm; codecs="vp9, opus"'),
      hls: probe.canPlayType(NATIVE_HLS_TYPE),
      hlsJs,
    },
    reach: reachResult,
    recentErrors: recentPlayerErrors(),
    videoUrl: videoUrl.slice(0, 1_000),
    positionMs: positionMs === undefined ? undefined : Math.max(0, Math.floor(positionMs)),
    networkType: networkType()?.slice(0, 20),
    online: navigator.onLine,
    screen: `${window.screen.width}x${window.screen.height}@${window.devicePixelRatio}`.slice(0, 40),
    userAgent: navigator.userAgent.slice(0, 512),
  };
}
