import "server-only";
import { logger } from "@/lib/logger";
import { getDb } from "@/server/db";
import { deleteOldBeats } from "./delete-old-beats";

export interface BeatLogEntry {
  sessionId: string;
  seq: number;
  receivedAt: Date;
  positionMs: number;
  event: string;
  verdict: string;
  creditedMs: number;
}

const FLUSH_EVERY_MS = 1_000;
/** Beyond this many waiting rows (the database is down), new rows are dropped, not hoarded. */
const MAX_PENDING = 100_000;
/** Old rows are deleted about this often per instance, from the flusher. */
const RETENTION_SWEEP_EVERY_MS = 60 * 60_000;

// Per process: the raw log is written in batches (one multi-row INSERT a second) so that the
// hot path never waits for it. A crash loses at most the last second of raw rows, never
// credited progress, which is written by the beat itself.
const holder = globalThis as typeof globalThis & {
  __beatLog?: {
    pending: BeatLogEntry[];
    timer: NodeJS.Timeout | null;
    flushing: Promise<number> | null;
    nextSweepAt: number;
  };
};
const state = (holder.__beatLog ??= {
  pending: [],
  timer: null,
  flushing: null,
  nextSweepAt: Date.now() + Math.random() * RETENTION_SWEEP_EVERY_MS,
});

async function insertBatch(batch: BeatLogEntry[]): Promise<number> {
  const col = <K extends keyof BeatLogEntry>(key: K) => batch.map((entry) => entry[key]);
  // One statement whatever the batch size: arrays unnested into rows.
  return getDb().$executeRaw`
    INSERT INTO "PlaybackBeat" ("sessionId", seq, "receivedAt", "positionMs", event, verdict, "creditedMs")
    SELECT * FROM unnest(${col("sessionId")}::text[], ${col("seq")}::int[], ${col("receivedAt")}::timestamp(3)[],
      ${col("positionMs")}::int[], ${col("event")}::text[], ${col("verdict")}::text[], ${col("creditedMs")}::int[])`;
}

async function flush(): Promise<number> {
  state.timer = null;
  const batch = state.pending.splice(0, state.pending.length);
  let written = 0;
  if (batch.length > 0) {
    try {
      written = await insertBatch(batch);
    } catch (error) {
      logger.error({ err: error, rows: batch.length }, "playback beat log flush failed: rows dropped");
    }
  }
  if (Date.now() >= state.nextSweepAt) {
    state.nextSweepAt = Date.now() + RETENTION_SWEEP_EVERY_MS;
    await deleteOldBeats().catch((error: unknown) => logger.error({ err: error }, "playback beat retention failed"));
  }
  return written;
}

/** The raw heartbeat log: `add` buffers a row, `flush` writes the buffer now (tests, shutdown). */
export const beatLog = {
  add(entry: BeatLogEntry): void {
    if (state.pending.length >= MAX_PENDING) return;
    state.pending.push(entry);
    if (!state.timer) {
      state.timer = setTimeout(() => void beatLog.flush(), FLUSH_EVERY_MS);
      state.timer.unref();
    }
  },
  async flush(): Promise<number> {
    if (state.timer) clearTimeout(state.timer);
    // One flush at a time, so rows are inserted in the order they were received.
    const previous = state.flushing ?? Promise.resolve(0);
    const current = previous.then(flush);
    state.flushing = current;
    try {
      return await current;
    } finally {
      if (state.flushing === current) state.flushing = null;
    }
  },
};
