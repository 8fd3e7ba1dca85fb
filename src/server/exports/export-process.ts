// The export process: a short-lived Node.js process that writes one export file, or creates one
// batch, and exits (docs/decisions/0016-export-process.md). Started by runExportProcess with the
// task as JSON in its arguments; writes the file's bytes (or the created batch, as JSON) to
// file descriptor 3, a pipe the web process reads with backpressure, and logs as the portal does.
// Runs as the bundled `export-process.mjs` beside the production server, or from source (tsx)
// in development and tests.
import "server-only";
import net from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { logger } from "@/lib/logger";
import { csvChunks } from "./csv-chunks";
import { exportPool } from "./export-pool";
import { ZExportTask, type TExportTask } from "./export-task";
import { writeExportBatch } from "./write-export-batch";
import { xlsxChunks } from "./xlsx-chunks";

async function* output(task: TExportTask): AsyncGenerator<Buffer> {
  const db = exportPool();
  switch (task.kind) {
    case "csv":
      yield* csvChunks(db, task.batchId, { districtId: task.districtId });
      return;
    case "xlsx":
      yield* xlsxChunks(db, task.batchId, { districtId: task.districtId, createdAt: new Date(task.createdAt) });
      return;
    case "batch":
      yield Buffer.from(JSON.stringify(await writeExportBatch(task)), "utf8");
  }
}

async function main(): Promise<void> {
  const task = ZExportTask.parse(JSON.parse(process.argv[2] ?? ""));
  const out = new net.Socket({ fd: 3, readable: false, writable: true });
  await pipeline(Readable.from(output(task)), out);
  await exportPool().end();
}

// Exits as soon as the work is done or has failed, whatever may still be pending.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    logger.error({ err: error }, "export process failed");
    process.exit(1);
  },
);
