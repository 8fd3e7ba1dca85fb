// The player's side of heartbeats: numbered beats sent one after another (so the server sees
// them in order), and a beacon for when the page is going away.
import type { ListenerPath } from "@/server/http/routes";
import type { BEAT_EVENTS, HeartbeatAnswer } from "@/server/playback/record-heartbeat";

export type BeatEvent = (typeof BEAT_EVENTS)[number];
export type BeatAnswer = HeartbeatAnswer;

export type BeatResult = { kind: "answer"; answer: BeatAnswer; event: BeatEvent } | { kind: "unauthenticated" };

const URL: ListenerPath = "/api/playback/heartbeat";

export class HeartbeatClient {
  private seq = 0;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    readonly sessionId: string,
    private readonly onResult: (result: BeatResult) => void,
  ) {}

  private body(event: BeatEvent, positionMs: number): string {
    this.seq += 1;
    return JSON.stringify({
      sessionId: this.sessionId,
      seq: this.seq,
      positionMs: Math.max(0, Math.floor(positionMs)),
      event,
    });
  }

  /** Queues a beat; its answer is delivered unless the client was stopped meanwhile. */
  send(event: BeatEvent, positionMs: number): void {
    if (this.stopped) return;
    const body = this.body(event, positionMs);
    this.queue = this.queue.then(() => this.post(event, body)).catch(() => undefined);
  }

  /** A last beat that survives the page closing (sendBeacon, else a keepalive fetch). */
  beacon(event: BeatEvent, positionMs: number): void {
    if (this.stopped) return;
    const body = this.body(event, positionMs);
    const sent =
      typeof navigator.sendBeacon === "function" &&
      navigator.sendBeacon(URL, new Blob([body], { type: "text/plain;charset=UTF-8" }));
    if (!sent) void fetch(URL, { method: "POST", body, keepalive: true }).catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
  }

  private async post(event: BeatEvent, body: string): Promise<void> {
    // A failed beat is not retried: the next one carries the position, and time since the last
    // accepted beat still counts then.
    const response = await fetch(URL, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      keepalive: true,
    });
    if (this.stopped) return;
    if (response.status === 401) return this.onResult({ kind: "unauthenticated" });
    if (!response.ok) return;
    const answer = (await response.json()) as BeatAnswer;
    if (!this.stopped) this.onResult({ kind: "answer", answer, event });
  }
}
