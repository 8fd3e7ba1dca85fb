// The scale seed's study history, in SQL: 2–6 enrolments per learner over credit years 2022–2026,
// their exam attempts and playback sessions, and the credit ledger (course credits of credited
// enrolments, activities and a few reversals). The ledger is inserted with its trigger on, so
// CreditYearTotal is exactly what the portal's own writes would have made.
import type pg from "pg";

const FIRST_YEAR = 2022;
const LAST_YEAR = 2026;

export async function seedStudy(client: pg.Client): Promise<void> {
  await client.query(`
    CREATE TABLE sc_c AS
    SELECT (row_number() OVER (ORDER BY c."id"))::int - 1 AS k, c."id", c."category", c."credits",
           (SELECT array_agg(ls."id" ORDER BY ls."position") FROM "Lesson" ls WHERE ls."courseId" = c."id") AS lessons
    FROM "Course" c WHERE c."status" = 'PUBLISHED'
      AND EXISTS (SELECT 1 FROM "Lesson" ls WHERE ls."courseId" = c."id")`);
  // sc_e: one row per enrolment; the course index steps by a sixth of the catalogue, so a
  // learner's courses are distinct.
  await client.query(
    `
    CREATE TABLE sc_e AS
    WITH base AS (
      SELECT l.g, l.id AS learner_id, j,
             greatest(l.start_year, $1) + pg_temp.rnd(l.g * 10 + j, 20, $2 + 1 - greatest(l.start_year, $1)) AS year,
             (pg_temp.rnd(l.g, 21, cc.n) + j * (cc.n / 6)) % cc.n AS k
      FROM sc_l l CROSS JOIN (SELECT count(*)::int AS n FROM sc_c) cc
      CROSS JOIN LATERAL generate_series(0, 1 + pg_temp.rnd(l.g, 22, 5)) j
    )
    SELECT b.*, 'sce' || b.g || '_' || b.j AS id, c."id" AS course_id, c."category", c."credits", c.lessons,
           CASE WHEN pg_temp.rnd(b.g * 10 + b.j, 23, 100) < (CASE WHEN b.year < $2 THEN 92 ELSE 60 END) THEN 'CREDITED'
                WHEN pg_temp.rnd(b.g * 10 + b.j, 24, 2) = 0 THEN 'EXAM_PENDING' ELSE 'STUDYING' END AS status,
           make_timestamp(b.year, 1 + pg_temp.rnd(b.g * 10 + b.j, 25, 10), 1 + pg_temp.rnd(b.g * 10 + b.j, 26, 28),
                          8 + pg_temp.rnd(b.g * 10 + b.j, 27, 13), pg_temp.rnd(b.g * 10 + b.j, 28, 60), 0) AS enrolled_at
    FROM base b JOIN sc_c c ON c.k = b.k`,
    [FIRST_YEAR, LAST_YEAR],
  );
  await client.query(`
    INSERT INTO "Enrollment" ("id", "learnerId", "courseId", "creditYear", "status", "enrolledAt", "studyCompletedAt",
      "creditedAt", "examCycle")
    SELECT e.id, e.learner_id, e.course_id, e.year, e.status::"EnrollmentStatus", e.enrolled_at,
           CASE WHEN e.status <> 'STUDYING' THEN e.enrolled_at + interval '9 days' END,
           CASE WHEN e.status = 'CREDITED' THEN e.enrolled_at + interval '10 days' END, 1
    FROM sc_e e ORDER BY e.enrolled_at`);

  // Attempts: a credited enrolment passed its last one (a fifth needed two, some three); a
  // pending one may have failed once.
  await client.query(`
    INSERT INTO "ExamAttempt" ("id", "enrollmentId", "learnerId", "courseId", "cycle", "number", "status", "startedAt",
      "deadline", "gradedAt", "score", "passed")
    SELECT 'sca' || e.g || '_' || e.j || '_' || a.n, e.id, e.learner_id, e.course_id, 1, a.n, 'SUBMITTED',
           e.enrolled_at + interval '9 days' + a.n * interval '3 hours',
           e.enrolled_at + interval '9 days' + a.n * interval '3 hours' + interval '30 minutes',
           e.enrolled_at + interval '9 days' + a.n * interval '3 hours' + interval '21 minutes',
           CASE WHEN a.passed THEN 60 + pg_temp.rnd(e.g * 10 + e.j, 30 + a.n, 41) ELSE 20 + pg_temp.rnd(e.g, a.n, 40) END,
           a.passed
    FROM sc_e e
    CROSS JOIN LATERAL (
      SELECT CASE WHEN e.status = 'CREDITED'
                  THEN 1 + (pg_temp.rnd(e.g * 10 + e.j, 29, 100) < 20)::int + (pg_temp.rnd(e.g * 10 + e.j, 31, 100) < 5)::int
                  WHEN e.status = 'EXAM_PENDING' THEN pg_temp.rnd(e.g * 10 + e.j, 32, 2)
                  ELSE 0 END AS attempts
    ) t
    CROSS JOIN LATERAL (
      SELECT n, (e.status = 'CREDITED' AND n = t.attempts) AS passed FROM generate_series(1, t.attempts) n
    ) a`);

  // Two playback sessions per enrolment, each on one of its lessons, ended.
  await client.query(`
    INSERT INTO "PlaybackSession" ("id", "learnerId", "enrollmentId", "lessonId", "startedAt", "lastBeatAt", "lastSeq",
      "lastPositionMs", "contiguous", "creditedMs", "presenceLeftMs", "acceptedBeats", "ignoredBeats", "jumpBeats",
      "endedAt", "endReason", "browser", "os", "userAgent")
    SELECT gen_random_uuid()::text, e.learner_id, e.id, e.lessons[1 + (s - 1) % array_length(e.lessons, 1)],
           e.enrolled_at + s * interval '1 day', e.enrolled_at + s * interval '1 day' + interval '22 minutes', 88,
           1320000, true, 1300000, 500000, 86, 2, 0,
           e.enrolled_at + s * interval '1 day' + interval '22 minutes',
           (CASE WHEN pg_temp.rnd(e.g * 10 + e.j, 40 + s, 10) = 0 THEN 'TAKEN_OVER' ELSE 'CLOSED' END)::"PlaybackEndReason",
           (ARRAY['Chrome','Edge','Firefox','Safari','360安全浏览器','QQ浏览器'])[1 + pg_temp.rnd(e.g, 42 + s, 6)],
           (ARRAY['Windows 10','Windows 11','macOS','Android','iOS'])[1 + pg_temp.rnd(e.g, 44 + s, 5)],
           'Mozilla/5.0 (bench)'
    FROM sc_e e CROSS JOIN generate_series(1, 2) s`);

  await seedLedger(client);
}

async function seedLedger(client: pg.Client): Promise<void> {
  await client.query("SET session_replication_role = origin");
  await client.query(`
    INSERT INTO "CreditEntry" ("learnerId", "year", "category", "credits", "source", "sourceKey", "courseId",
      "recordedAt")
    SELECT e.learner_id, e.year, e."category", e."credits", 'COURSE', 'course:' || e.course_id || ':' || e.learner_id,
           e.course_id, e.enrolled_at + interval '10 days'
    FROM sc_e e WHERE e.status = 'CREDITED' ORDER BY e.enrolled_at`);
  // Activities (参加学术会议, 论文, 资格考试…) recognised by the district: most of a year's credits.
  await client.query(
    `
    INSERT INTO "CreditEntry" ("learnerId", "year", "category", "credits", "source", "sourceKey", "activityType",
      "note", "recordedById", "recordedAt")
    SELECT l.id, y, 'PROFESSIONAL', act.credits, 'ACTIVITY', 'activity:scale:' || l.g || ':' || y || ':' || a,
           act.kind::"ActivityType", '基准数据', 'scs_d' || l.district_id,
           make_timestamp(y, 2 + pg_temp.rnd(l.g * 10 + a, y, 9), 1 + pg_temp.rnd(l.g, y + a, 28), 10, 0, 0)
    FROM sc_l l
    CROSS JOIN LATERAL generate_series(greatest(l.start_year, $1), $2) y
    CROSS JOIN LATERAL generate_series(1, (ARRAY[0, 1, 1, 2, 2, 3])[1 + pg_temp.rnd(l.g * 10 + y, 50, 6)]) a
    CROSS JOIN LATERAL (
      SELECT (ARRAY['QUALIFICATION_EXAM','CONFERENCE','CONFERENCE','PAPER_FIRST','RESEARCH_MEMBER','DEGREE_COURSE',
                    'CONFERENCE','PAPER_OTHER'])[1 + pg_temp.rnd(l.g * 100 + y * 3 + a, 51, 8)] AS kind
    ) k
    CROSS JOIN LATERAL (
      SELECT k.kind,
             CASE k.kind WHEN 'QUALIFICATION_EXAM' THEN 90 WHEN 'DEGREE_COURSE' THEN 90 WHEN 'RESEARCH_MEMBER' THEN 60
                         WHEN 'PAPER_FIRST' THEN 30 WHEN 'PAPER_OTHER' THEN 10
                         ELSE 10 * (2 + pg_temp.rnd(l.g + y, a, 3)) END AS credits
    ) act
    ORDER BY 10`,
    [FIRST_YEAR, LAST_YEAR],
  );
  // A few compensating reversals of an activity, as corrections are recorded.
  await client.query(`
    INSERT INTO "CreditEntry" ("learnerId", "year", "category", "credits", "source", "sourceKey", "note",
      "recordedById", "recordedAt")
    SELECT c."learnerId", c."year", c."category", -c."credits", 'ADJUSTMENT', 'adjustment:scale:' || c."id",
           '冲销重复登记的学分', c."recordedById", c."recordedAt" + interval '5 days'
    FROM "CreditEntry" c WHERE c."source" = 'ACTIVITY' AND c."id" % 200 = 7`);
}
