// The export process that writes the provincial files (docs/decisions/0016-export-process.md):
// a download whose client goes away ends its process and the process's database connection; a
// process that fails mid-file fails the download instead of ending it as if complete; downloads
// beyond the number of processes allowed at once wait their turn and complete; a body never read
// (a HEAD request, a client gone before the response) starts nothing; batches have their own turn;
// an older batch that cannot be read does not keep the year's batches from being created.
import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { GET as downloadCsv } from "../../src/app/admin/exports/[batchId]/export.csv/route";
import { createExportBatch } from "../../src/server/exports/create-export-batch";
import { getDb } from "../../src/server/db";
import { encryptIdNumber } from "../../src/server/identity/id-number-crypto";
import { createStaff, uniqueIdNumber } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { signInAs, signOutAll } from "../support/session-mock";
import { sql } from "../support/sql";

vi.mock("@/server/auth/config", async (importOriginal) =>
  (await import("../support/session-mock")).mockAuthConfig(await importOriginal()),
);
vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());

/**
 * A batch of `lines` lines written straight into the snapshot tables (as createExportBatch
 * would leave them), every line with the same ciphertext, or with `ciphertextOf(seq)`.
 */
async function insertBatch(
  lines: number,
  ciphertextOf: (seq: number) => string | null = () => null,
  formatVersion?: number,
): Promise<number> {
  const db = getDb();
  const batch = await db.exportBatch.create({
    data: { year: 2024, trigger: "MANUAL", rowCount: lines, checksum: "0".repeat(64), formatVersion },
  });
  const good = encryptIdNumber(uniqueIdNumber());
  const ciphertexts = Array.from({ length: lines }, (_, i) => ciphertextOf(i + 1) ?? good);
  await db.$executeRawUnsafe(
    `INSERT INTO "ExportRow" ("batchId", "seq", "learnerId", "year", "idNumberEncrypted", "name", "districtId",
       "districtName", "totalCredits", "professionalCredits", "publicCredits", "hoursTenths", "completedAt")
     SELECT $1, n, 'learner' || n, 2024, c, '张明', d."id", d."name", 96, 60, 36, 320, TIMESTAMP '2024-06-01 08:00:00'
     FROM unnest($2::text[]) WITH ORDINALITY AS t(c, n), (SELECT "id", "name" FROM "District" WHERE "kind" <> 'CITY' LIMIT 1) d`,
    batch.id,
    ciphertexts,
  );
  return batch.id;
}

function download(batchId: number, method: "GET" | "HEAD" = "GET"): Promise<Response> {
  const request = new Request(`http://localhost/admin/exports/${batchId}/export.csv`, { method });
  return downloadCsv(request, { params: Promise.resolve({ batchId: String(batchId) }) });
}

/** Export processes started by this test process and still running. */
function runningExportProcesses(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        const parent = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
        const state = /State:\s+(\S)/.exec(status)?.[1];
        return (
          parent === process.pid &&
          state !== "Z" &&
          readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("export-process")
        );
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

/**
 * The download turns of run-export-process.ts (kept on globalThis, where they outlive a reload of
 * the module): processes running, and downloads waiting for one of them to end. A download takes
 * its turn when its body is first read, before it starts its process.
 */
function downloadTurns(): { running: number; waiting: number } {
  const lanes = (globalThis as { __exportProcesses?: { download: { running: number; waiting: unknown[] } } })
    .__exportProcesses;
  return { running: lanes?.download.running ?? 0, waiting: lanes?.download.waiting.length ?? 0 };
}

/** Polls an observable state (every 100 ms, for 10 s at most) until it holds. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe("the export process", () => {
  beforeAll(async () => {
    await seedReferenceData(getDb());
  });
  beforeEach(async () => {
    await truncateData(inject("databaseUrl"));
    signOutAll();
    signInAs("staff", (await createStaff({ role: "CITY_ADMIN" })).id);
  });

  it("ends when the client goes away in the middle of a download, and lets go of its connection", async () => {
    // Far more than the pipes between the processes hold: the process waits for the reader.
    const batchId = await insertBatch(20_000);
    const response = await download(batchId);
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(runningExportProcesses()).toHaveLength(1);
    await reader.cancel();
    await until(() => runningExportProcesses().length === 0, "the export process has ended");

    // The export pool's connections end with the process (the query of a page shows its batch).
    await until(async () => {
      const [row] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%FROM "ExportRow"%' AND pid <> pg_backend_pid()`,
      );
      return row?.n === 0;
    }, "no connection of the process is left");
  });

  it("fails the download when the process fails after the first lines, instead of ending it as complete", async () => {
    // Line 4,500 cannot be decrypted: the first pages are already sent when the process fails.
    const batchId = await insertBatch(6_000, (seq) => (seq === 4_500 ? "v1.broken" : null));
    const response = await download(batchId);
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    let bytes = 0;
    const reading = (async () => {
      for (let read = await reader.read(); !read.done; read = await reader.read()) bytes += read.value.byteLength;
    })();
    await expect(reading).rejects.toThrow(/export process \(csv\) failed: exit code 1/);
    // Whole pages of lines went out before the failure (a line is ~100 bytes).
    expect(bytes).toBeGreaterThan(100_000);
    expect(runningExportProcesses()).toHaveLength(0);
  });

  it("runs two processes at once and queues further downloads, which then complete", async () => {
    const batchId = await insertBatch(3_000);
    const started = await Promise.all(Array.from({ length: 4 }, () => download(batchId)));
    const readers = started.map((response) => response.body?.getReader());
    // Each download's process starts when its body is first read: read one chunk of each.
    const firsts = readers.map((reader) => reader?.read());
    // Two take the two turns and start their processes; the other two wait for a turn, which only
    // the end of one of the first two gives back (and neither ends before it is read further).
    await until(() => downloadTurns().waiting === 2, "two downloads wait their turn");
    await until(() => runningExportProcesses().length === 2, "two processes run");
    expect(downloadTurns()).toEqual({ running: 2, waiting: 2 });
    expect(runningExportProcesses().length).toBe(2);
    const files = await Promise.all(
      readers.map(async (reader, i) => {
        const chunks: Uint8Array[] = [];
        const first = await firsts[i];
        if (first && !first.done) chunks.push(first.value);
        for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) chunks.push(read.value);
        return Buffer.concat(chunks);
      }),
    );
    expect(files.every((file) => file.equals(files[0] ?? Buffer.alloc(0)))).toBe(true);
    expect(files[0]?.toString("utf8").split("\n")).toHaveLength(3_000 + 2);
  });

  it("starts nothing for a body that is never read, and answers HEAD without writing or auditing", async () => {
    const batchId = await insertBatch(3_000);
    // Never read: before the body is pulled, no process and no turn is taken. (A stream that
    // pulled without a read would do so once started, before its response is returned: the
    // turns are read here, not waited for.)
    const unread = await Promise.all([download(batchId), download(batchId), download(batchId)]);
    expect(unread.every((response) => response.status === 200)).toBe(true);
    expect(downloadTurns()).toEqual({ running: 0, waiting: 0 });
    expect(runningExportProcesses()).toHaveLength(0);
    const head = await download(batchId, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-disposition")).toContain(".csv");
    expect(head.body).toBeNull();
    expect(await getDb().auditLog.count({ where: { action: "export.batch.download" } })).toBe(3);
    // The turns are all free, now too: two downloads at once, which need both turns, complete (a
    // body that had started would keep its turn for EXPORT_STALL_MS, beyond this test's timeout).
    const texts = await Promise.all([download(batchId), download(batchId)].map(async (r) => (await r).text()));
    for (const text of texts) expect(text.split("\n")).toHaveLength(3_000 + 2);
    expect(downloadTurns()).toEqual({ running: 0, waiting: 0 });
  });

  it("creates batches of a year one of whose older batches cannot be read, which keeps its checksum", async () => {
    // A batch of an earlier file format is checksummed again first; this one fails to decrypt,
    // so it is skipped, logged, and blocks nothing.
    const batchId = await insertBatch(10, (seq) => (seq === 5 ? "v1.broken" : null), 1);
    expect(await createExportBatch({ year: 2024, trigger: "MANUAL", createdById: null })).toEqual({
      batchId: null,
      year: 2024,
      rowCount: 0,
    });
    expect((await getDb().exportBatch.findUniqueOrThrow({ where: { id: batchId } })).checksum).toBe("0".repeat(64));
    expect(await getDb().auditLog.count({ where: { action: "export.batch.checksum" } })).toBe(0);
  });

  it("creates a batch while downloads hold every download turn", async () => {
    const batchId = await insertBatch(20_000);
    const readers = (await Promise.all([download(batchId), download(batchId)])).map((r) => r.body?.getReader());
    await Promise.all(readers.map((reader) => reader?.read()));
    await until(() => runningExportProcesses().length === 2, "two downloads run");
    // Nothing is due in an empty ledger: the process runs and finds nothing.
    expect(await createExportBatch({ year: 2024, trigger: "MANUAL", createdById: null })).toEqual({
      batchId: null,
      year: 2024,
      rowCount: 0,
    });
    await Promise.all(readers.map((reader) => reader?.cancel()));
    await until(() => runningExportProcesses().length === 0, "the downloads have ended");
  });
});
