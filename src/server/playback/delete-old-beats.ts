import "server-only";
import { BEAT_RETENTION_DAYS } from "@/domain/playback";
import { getDb } from "@/server/db";

const BATCH = 10_000;

/**
 * Deletes raw heartbeats older than the retention period, in batches so that no statement
 * holds locks for long. Called about hourly by each instance's beat-log flusher; safe to run
 * from several instances or a script at once. Returns the number of rows deleted.
 */
export async function deleteOldBeats(options: { retentionDays?: number; maxBatches?: number } = {}): Promise<number> {
  const days = options.retentionDays ?? BEAT_RETENTION_DAYS;
  let deleted = 0;
  for (let i = 0; i < (options.maxBatches ?? 100); i++) {
    const count = await getDb().$executeRaw`
      DELETE FROM "PlaybackBeat" WHERE id IN (
        SELECT id FROM "PlaybackBeat"
        WHERE "receivedAt" < (now() AT TIME ZONE 'UTC') - make_interval(days => ${days}::int)
        LIMIT ${BATCH}::int)`;
    deleted += count;
    if (count < BATCH) break;
  }
  return deleted;
}
