// The database side of the heartbeat benchmark (scripts/bench/heartbeats.ts): its seed (one
// course, one lesson, `viewers` enrolled learners) and pgbench's single-row upsert ceiling of the
// same server, the figure the portal's beats per second are compared with.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export async function seed(
  db: pg.Client,
  viewers: number,
): Promise<{ learnerIds: string[]; enrollmentIds: string[]; lessonId: string }> {
  await db.query(`INSERT INTO "District" (code, name, kind, "sortOrder", "officeName", phone, address, hours, "updatedAt")
    VALUES ('bench', '基准区', 'DISTRICT', 0, '基准区财政局', '', '', '', now())`);
  await db.query(
    `INSERT INTO "Learner" (id, "idNumberHmac", "idNumberEncrypted", "idNumberMasked", name, gender,
      "birthDate", "districtId", employer, qualification, "startYear", "updatedAt")
    SELECT 'bench-' || g, 'hmac-' || g, 'x', '4201**********000' || (g % 10), '学员' || g, 'F', '1990-01-01',
      (SELECT id FROM "District" WHERE code = 'bench'), '基准单位', 'JUNIOR', 2026, now()
    FROM generate_series(1, $1::int) g`,
    [viewers],
  );
  await db.query(`INSERT INTO "Course" (id, title, category, credits, description, status, "updatedAt")
    VALUES ('bench-course', '基准课程', 'PROFESSIONAL', 3, '基准', 'PUBLISHED', now())`);
  await db.query(`INSERT INTO "Lesson" (id, "courseId", position, title, "videoUrl", "durationSeconds")
    VALUES ('bench-lesson', 'bench-course', 1, '第1讲', '/media/quick-start.mp4', 36000)`);
  await db.query(
    `INSERT INTO "Enrollment" (id, "learnerId", "courseId", "creditYear")
    SELECT 'bench-enr-' || g, 'bench-' || g, 'bench-course', 2026 FROM generate_series(1, $1::int) g`,
    [viewers],
  );
  const ids = Array.from({ length: viewers }, (_, i) => i + 1);
  return {
    learnerIds: ids.map((i) => `bench-${i}`),
    enrollmentIds: ids.map((i) => `bench-enr-${i}`),
    lessonId: "bench-lesson",
  };
}

/** pgbench's tps of a single-row upsert on the table bench_upsert of the database `dbName` at `url`. */
export function pgbenchTps(url: string, dbName: string): number {
  const file = join(tmpdir(), "bench-upsert.sql");
  writeFileSync(
    file,
    "INSERT INTO bench_upsert (id, n, at) VALUES (:client_id, 1, now())\n" +
      "  ON CONFLICT (id) DO UPDATE SET n = bench_upsert.n + 1, at = now();\n",
  );
  const u = new URL(url);
  const out = execFileSync(
    "pgbench",
    [
      "-n",
      "-h",
      u.hostname,
      "-p",
      u.port || "5432",
      "-U",
      u.username || "postgres",
      "-c",
      "16",
      "-j",
      "2",
      "-T",
      "15",
      "-f",
      file,
      dbName,
    ],
    { encoding: "utf8" },
  );
  const match = /tps = ([\d.]+)/.exec(out);
  if (!match?.[1]) throw new Error(`pgbench printed no tps:\n${out}`);
  return Number(match[1]);
}
