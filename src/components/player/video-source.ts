// Attaches a lesson's video: plain files (MP4/WebM) directly; HLS natively where the browser
// plays it (Safari, iPhone), otherwise through hls.js, loaded only when needed.
import type { PlayerErrorKind } from "./player-errors";

export const isHlsUrl = (url: string) => /\.m3u8(?:$|[?#])/i.test(url);
export const NATIVE_HLS_TYPE = "application/vnd.apple.mpegurl";

export function attachVideoSource(
  video: HTMLVideoElement,
  url: string,
  onError: (error: { kind: PlayerErrorKind; code?: number; message?: string }) => void,
): () => void {
  if (!isHlsUrl(url) || video.canPlayType(NATIVE_HLS_TYPE) !== "") {
    video.src = url;
    return () => {
      video.removeAttribute("src");
      video.load();
    };
  }
  let destroyed = false;
  let destroy = () => undefined as void;
  void import("hls.js")
    .then(({ default: Hls }) => {
      if (destroyed) return;
      if (!Hls.isSupported()) {
        onError({ kind: "hls", message: "HLS is not supported by this browser" });
        return;
      }
      const hls = new Hls({ maxBufferLength: 30 });
      let recoveries = 0;
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        onError({ kind: "hls", message: `${data.type}: ${data.details}`, code: data.response?.code });
        // hls.js's own recovery for the two recoverable kinds, a few times; otherwise give up.
        if (recoveries++ >= 3) hls.destroy();
        else if (data.type === Hls.ErrorTypes.NETWORK_ERROR) hls.startLoad();
        else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
        else hls.destroy();
      });
      hls.loadSource(url);
      hls.attachMedia(video);
      destroy = () => hls.destroy();
    })
    .catch((error: unknown) => onError({ kind: "load", message: `hls.js failed to load: ${String(error)}` }));
  return () => {
    destroyed = true;
    destroy();
  };
}
