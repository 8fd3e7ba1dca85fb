import "server-only";
import { getDb } from "@/server/db";

/**
 * GENERATED → DOWNLOADED at the city office's first download of the whole file: who and when.
 * One conditional UPDATE, so two first downloads at once record one; true for the one that did.
 */
export async function markBatchDownloaded(batchId: number, staffId: string): Promise<boolean> {
  const changed = await getDb().exportBatch.updateMany({
    where: { id: batchId, state: "GENERATED" },
    data: { state: "DOWNLOADED", firstDownloadedAt: new Date(), firstDownloadedById: staffId },
  });
  return changed.count === 1;
}
