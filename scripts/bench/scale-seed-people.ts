// The scale seed's people and catalogue, in SQL: staff per district, extra published courses with
// lessons, and N learners spread over the districts. pg_temp.rnd(g, salt, m) is a deterministic
// pseudo-random integer in [0, m), so that a reseed builds the same data.
import type pg from "pg";

export const HELPERS = `
CREATE OR REPLACE FUNCTION pg_temp.rnd(g bigint, salt int, m int) RETURNS int
LANGUAGE sql IMMUTABLE AS $$ SELECT (abs(hashint8(g * 7919 + salt)::bigint) % m)::int $$;
`;

/** Learner ids are derived from their number, so later statements need no join to find them. */
export const LEARNER_ID = (g: string) => `('scl' || lpad((${g})::text, 8, '0'))`;

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢";
const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁欣雪琳晨阳梅莉婷慧颖倩";
const EMPLOYER_PREFIX = [
  "长江",
  "汉江",
  "光谷",
  "楚天",
  "江城",
  "黄鹤",
  "东湖",
  "晴川",
  "汉阳",
  "武昌",
  "江岸",
  "琴台",
];
const EMPLOYER_KIND = [
  "建设集团有限公司",
  "商贸有限公司",
  "物流有限公司",
  "科技股份有限公司",
  "医药有限公司",
  "会计师事务所",
  "食品有限公司",
  "电力工程有限公司",
  "实验小学",
  "人民医院",
  "置业有限公司",
  "税务师事务所",
];
// Learners per district, roughly by the size of each district's economy (codes of prisma/seed).
const DISTRICT_WEIGHTS: Record<string, number> = {
  jiangan: 11,
  jianghan: 10,
  qiaokou: 6,
  hanyang: 6,
  wuchang: 11,
  qingshan: 4,
  hongshan: 10,
  dongxihu: 5,
  hannan: 1,
  caidian: 4,
  jiangxia: 6,
  huangpi: 5,
  xinzhou: 4,
  "donghu-hitech": 12,
  "wuhan-etdz": 4,
  "donghu-scenic": 1,
};

const EXTRA_COURSES = 48;

export async function seedPeople(client: pg.Client, n: number): Promise<void> {
  const { rows: districts } = await client.query<{ id: number; code: string }>(
    `SELECT "id", "code" FROM "District" WHERE "kind" <> 'CITY' ORDER BY "sortOrder"`,
  );
  const pick: number[] = districts.flatMap((d) => Array<number>(DISTRICT_WEIGHTS[d.code] ?? 1).fill(d.id));

  // One administrator per district and a few support staff: the actors of the audit log.
  await client.query(`
    INSERT INTO "StaffUser" ("id", "username", "displayName", "passwordHash", "role", "districtId", "updatedAt")
    SELECT 'scs_d' || d."id", 'scale-' || d."code", d."name" || '管理员（基准）',
           (SELECT "passwordHash" FROM "StaffUser" WHERE "username" = 'cityadmin'), 'DISTRICT_ADMIN'::"StaffRole", d."id",
           now() AT TIME ZONE 'UTC'
    FROM "District" d WHERE d."kind" <> 'CITY'
    UNION ALL
    SELECT 'scs_s' || g, 'scale-support-' || g, '技术支持' || g,
           (SELECT "passwordHash" FROM "StaffUser" WHERE "username" = 'cityadmin'), 'SUPPORT'::"StaffRole", NULL::int,
           now() AT TIME ZONE 'UTC'
    FROM generate_series(1, 6) g`);

  // More published courses: four or more distinct enrolments per learner need a real catalogue.
  await client.query(
    `
    INSERT INTO "Course" ("id", "title", "category", "credits", "description", "status", "publishedAt", "updatedAt")
    SELECT 'scc' || lpad(k::text, 3, '0'),
           (ARRAY['会计实务专题','税收政策解读','内部控制案例','财务分析方法','政府会计制度','职业道德与法规'])[1 + k % 6]
             || '（第 ' || k || ' 讲）',
           (CASE WHEN k % 4 = 0 THEN 'PUBLIC' ELSE 'PROFESSIONAL' END)::"CreditCategory",
           (ARRAY[3, 6, 9, 12])[1 + k % 4], '基准数据课程', 'PUBLISHED',
           timestamp '2021-06-01' + k * interval '20 days', now() AT TIME ZONE 'UTC'
    FROM generate_series(1, $1::int) k`,
    [EXTRA_COURSES],
  );
  await client.query(`
    INSERT INTO "Lesson" ("id", "courseId", "position", "title", "videoUrl", "durationSeconds")
    SELECT c."id" || '_l' || p, c."id", p, '第 ' || p || ' 节', '/media/uploads/bench.mp4', 900 + p * 60
    FROM "Course" c CROSS JOIN generate_series(1, 3) p WHERE c."id" LIKE 'scc%'`);

  // sc_l: the learners' attributes later statements derive from (credit years, district).
  await client.query(
    `
    CREATE TABLE sc_l AS
    SELECT g, ${LEARNER_ID("g")} AS id,
           ($2::int[])[1 + pg_temp.rnd(g, 5, array_length($2::int[], 1))] AS district_id,
           timestamp '2018-03-01' + (g::float8 / $1) * (timestamp '2026-11-25' - timestamp '2018-03-01') AS registered_at
    FROM generate_series(1, $1::int) g`,
    [n, pick],
  );
  await client.query(`ALTER TABLE sc_l ADD COLUMN start_year int`);
  await client.query(
    `UPDATE sc_l SET start_year = greatest(2018, extract(year FROM registered_at)::int - pg_temp.rnd(g, 9, 2))`,
  );
  await client.query(`ALTER TABLE sc_l ADD PRIMARY KEY (g)`);

  await client.query(
    `
    INSERT INTO "Learner" ("id", "idNumberHmac", "idNumberEncrypted", "idNumberMasked", "name", "gender", "birthDate",
      "districtId", "employer", "qualification", "mobile", "startYear", "status", "registeredById", "registeredAt",
      "updatedAt")
    SELECT l.id,
           encode(sha256(('scale-learner-' || l.g)::bytea), 'hex'),
           -- Not decryptable: the bulk is never exported to a file here, only listed.
           'v1.bench.' || l.g || '.placeholder',
           '4201' || repeat('*', 10) || lpad((l.g % 10000)::text, 4, '0'),
           substr($1, 1 + pg_temp.rnd(l.g, 1, length($1)), 1) || substr($2, 1 + pg_temp.rnd(l.g, 2, length($2)), 1)
             || CASE WHEN pg_temp.rnd(l.g, 3, 3) > 0 THEN substr($2, 1 + pg_temp.rnd(l.g, 4, length($2)), 1) ELSE '' END,
           (CASE WHEN pg_temp.rnd(l.g, 6, 10) < 6 THEN 'F' ELSE 'M' END)::"Gender",
           date '1962-01-01' + pg_temp.rnd(l.g, 7, 365 * 40),
           l.district_id,
           '武汉' || ($3::text[])[1 + pg_temp.rnd(l.g, 8, array_length($3::text[], 1))]
             || ($4::text[])[1 + pg_temp.rnd(l.g, 10, array_length($4::text[], 1))],
           (ARRAY['NONE','JUNIOR','JUNIOR','INTERMEDIATE','INTERMEDIATE','SENIOR'])[1 + pg_temp.rnd(l.g, 11, 6)]::"Qualification",
           '13' || lpad(pg_temp.rnd(l.g, 12, 1000000000)::text, 9, '0'),
           l.start_year,
           (CASE WHEN pg_temp.rnd(l.g, 13, 100) < 3 THEN 'DISABLED' ELSE 'ACTIVE' END)::"LearnerStatus",
           'scs_d' || l.district_id, l.registered_at, l.registered_at
    FROM sc_l l ORDER BY l.g`,
    [SURNAMES, GIVEN, EMPLOYER_PREFIX, EMPLOYER_KIND],
  );
}
