// The scale seed's support and administration history, in SQL: problem reports with notes,
// player errors of the last month, an audit log in time order (16 entries per learner: mostly
// sign-ins, then staff and support actions) and one export batch per past credit year.
import type pg from "pg";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";

export async function seedSupport(client: pg.Client, n: number): Promise<void> {
  // References: g times an odd multiplier modulo 29^8 is a bijection, so they are distinct.
  const reference = Array.from(
    { length: 8 },
    (_, i) => `substr('${ALPHABET}', 1 + ((r.g * 2654435761) % 500246412961 / ${29 ** i}::bigint % 29)::int, 1)`,
  );
  const diagnostics = `jsonb_build_object(
      'canPlay', jsonb_build_object('mp4', 'probably', 'webm', 'maybe', 'hls', '', 'hlsJs', true),
      'reach', jsonb_build_object('ok', r.g % 3 <> 0, 'status', 200, 'ms', 180 + r.g % 900),
      'recentErrors', jsonb_build_array(jsonb_build_object('kind', 'media', 'code', 2, 'at', r.created_at::text)),
      'videoUrl', '/media/uploads/bench.mp4', 'positionMs', 61000, 'networkType', '4g', 'online', true)`;
  await client.query(
    `
    INSERT INTO "ProblemReport" ("id", "reference", "learnerId", "enrollmentId", "courseId", "lessonId", "description",
      "phone", "diagnostics", "status", "resolution", "createdAt", "updatedAt", "resolvedAt")
    SELECT 'scp' || r.g, ${reference.slice(0, 4).join(" || ")} || '-' || ${reference.slice(4).join(" || ")},
           e.learner_id, e.id, e.course_id, e.lessons[1], '视频播放到一半卡住，刷新后仍无法继续。', '13800000000',
           ${diagnostics}, r.status::"ProblemStatus",
           CASE WHEN r.status = 'RESOLVED' THEN '已指导学员更换浏览器后恢复正常。' END,
           r.created_at, r.created_at + interval '1 hour',
           CASE WHEN r.status = 'RESOLVED' THEN r.created_at + interval '1 day' END
    FROM (
      SELECT g, (g * 97) % $1 + 1 AS lg,
             timestamp '2024-01-01' + (g::float8 / greatest(1, $1 / 100)) * (timestamp '2026-12-03' - timestamp '2024-01-01')
               AS created_at,
             CASE WHEN g::float8 / greatest(1, $1 / 100) < 0.97 THEN 'RESOLVED'
                  WHEN g % 2 = 0 THEN 'OPEN' ELSE 'IN_PROGRESS' END AS status
      FROM generate_series(1, greatest(1, $1 / 100)) g
    ) r
    JOIN sc_e e ON e.g = r.lg AND e.j = 0`,
    [n],
  );
  await client.query(`
    INSERT INTO "ProblemNote" ("id", "reportId", "staffId", "body", "createdAt")
    SELECT p."id" || '_n' || k, p."id", 'scs_s' || (1 + k % 6), '已电话联系学员，请其清除缓存后重试。',
           p."createdAt" + k * interval '2 hours'
    FROM "ProblemReport" p CROSS JOIN LATERAL generate_series(1, (hashtext(p."id") & 3)) k
    WHERE p."id" LIKE 'scp%'`);
  await client.query(
    `
    INSERT INTO "PlayerError" ("learnerId", "courseId", "lessonId", "occurredAt", "kind", "code", "message", "videoUrl",
      "browser", "os", "networkType")
    SELECT e.learner_id, e.course_id, e.lessons[1],
           now() AT TIME ZONE 'UTC' - (s.i::float8 / greatest(1, $1 / 5)) * interval '30 days',
           (ARRAY['media','hls','stall','load'])[1 + s.i % 4], CASE WHEN s.i % 4 = 0 THEN 2 END, 'bench error',
           '/media/uploads/bench.mp4', (ARRAY['Chrome','Edge','Safari','360安全浏览器'])[1 + s.i % 4], 'Windows 10', '4g'
    FROM generate_series(1, greatest(1, $1 / 5)) AS s(i)
    JOIN sc_e e ON e.g = (s.i * 31) % $1 + 1 AND e.j = 1`,
    [n],
  );
  await seedAudit(client, n);
  await seedExports(client);
}

/** 16 entries per learner from 2022 to now, ids in time order as the portal writes them. */
async function seedAudit(client: pg.Client, n: number): Promise<void> {
  await client.query(
    `
    INSERT INTO "AuditLog" ("at", "actorType", "actorId", "action", "targetType", "targetId", "ip", "outcome", "details",
                            "districtId")
    SELECT a.at,
           (CASE WHEN a.r < 70 THEN 'LEARNER' WHEN a.r < 75 THEN 'ANONYMOUS' ELSE 'STAFF' END)::"ActorType",
           CASE WHEN a.r < 70 THEN l.id WHEN a.r < 75 THEN NULL WHEN a.r < 90 THEN 'scs_d' || l.district_id
                ELSE 'scs_s' || (1 + a.g % 6) END,
           CASE WHEN a.r < 75 THEN 'learner.login' WHEN a.r < 80 THEN 'learner.update' WHEN a.r < 85 THEN 'credits.activity'
                WHEN a.r < 88 THEN 'learner.register' WHEN a.r < 90 THEN 'staff.login' WHEN a.r < 95 THEN 'support.lookup'
                ELSE 'support.learner.view' END,
           CASE WHEN a.r < 75 THEN 'LoginSubject' WHEN a.r < 88 THEN 'Learner' WHEN a.r < 90 THEN 'LoginSubject'
                WHEN a.r < 95 THEN NULL ELSE 'Learner' END,
           CASE WHEN a.r < 75 THEN encode(sha256(('scale-learner-' || l.g)::bytea), 'hex') WHEN a.r < 88 THEN l.id
                WHEN a.r < 90 THEN 'scale-staff' WHEN a.r < 95 THEN NULL ELSE l.id END,
           '10.' || (a.g % 250) || '.' || (a.g / 250 % 250) || '.' || (1 + a.g % 200),
           (CASE WHEN a.r BETWEEN 70 AND 74 THEN 'FAILURE' ELSE 'SUCCESS' END)::"AuditOutcome",
           CASE WHEN a.r < 75 THEN jsonb_build_object('idNumberMasked', '4201**********' || lpad((l.g % 10000)::text, 4, '0'))
                WHEN a.r BETWEEN 90 AND 94 THEN jsonb_build_object('by', 'name', 'learnerIds', jsonb_build_array(l.id),
                  'reason', '学员来电', 'lookupId', gen_random_uuid())
                WHEN a.r >= 95 THEN jsonb_build_object('via', 'lookup')
                ELSE jsonb_build_object('fields', jsonb_build_array('employer')) END,
           -- What audit_district (ADR 0025) gives, which replica mode's bulk insert skips: the
           -- learner's (or the district administrator's own) district; none for anonymous sign-ins
           -- and support's lookups by name.
           CASE WHEN a.r BETWEEN 70 AND 74 OR a.r BETWEEN 90 AND 94 THEN NULL ELSE l.district_id END
    FROM (
      SELECT g, pg_temp.rnd(g, 60, 100) AS r, 1 + pg_temp.rnd(g, 61, $1) AS lg,
             timestamp '2022-01-01' + (g::float8 / ($1 * 16)) * (timestamp '2026-12-03' - timestamp '2022-01-01') AS at
      FROM generate_series(1, $1 * 16) g
    ) a
    JOIN sc_l l ON l.g = a.lg
    ORDER BY a.g`,
    [n],
  );
}

/** One manual batch per past year, holding every complete learner-year then, and its districts. */
async function seedExports(client: pg.Client): Promise<void> {
  for (const year of [2022, 2023, 2024, 2025]) {
    const {
      rows: [batch],
    } = await client.query<{ id: number }>(
      `INSERT INTO "ExportBatch" ("year", "trigger", "createdById", "createdAt", "rowCount", "checksum")
       SELECT $1, 'MANUAL', (SELECT "id" FROM "StaffUser" WHERE "username" = 'cityadmin'),
              make_timestamp($1 + 1, 1, 15, 2, 0, 0), 0, encode(sha256(('scale-batch-' || $1)::bytea), 'hex')
       RETURNING "id"`,
      [year],
    );
    await client.query(
      `
      INSERT INTO "ExportRow" ("batchId", "seq", "learnerId", "year", "idNumberEncrypted", "name", "districtId",
        "districtName", "totalCredits", "professionalCredits", "publicCredits", "hoursTenths", "completedAt")
      SELECT $1, (row_number() OVER (ORDER BY d."sortOrder", l."name", l."id"))::int, t."learnerId", t."year",
             l."idNumberEncrypted", l."name", l."districtId", d."name", t."totalCredits", t."professionalCredits",
             t."totalCredits" - t."professionalCredits", round(t."totalCredits" * 10::numeric / 3)::int,
             make_timestamp($2, 11, 30, 12, 0, 0)
      FROM "CreditYearTotal" t JOIN "Learner" l ON l."id" = t."learnerId" JOIN "District" d ON d."id" = l."districtId"
      WHERE t."year" = $2 AND l."startYear" <= $2 AND credit_year_complete(t."totalCredits", t."professionalCredits", 90, 60)`,
      [batch!.id, year],
    );
    await client.query(
      `INSERT INTO "ExportBatchDistrict" ("batchId", "districtId", "districtName", "rowCount")
       SELECT $1, "districtId", min("districtName"), count(*) FROM "ExportRow" WHERE "batchId" = $1 GROUP BY "districtId"`,
      [batch!.id],
    );
    await client.query(
      `UPDATE "ExportBatch" SET "rowCount" = (SELECT count(*) FROM "ExportRow" WHERE "batchId" = $1) WHERE "id" = $1`,
      [batch!.id],
    );
  }
}
