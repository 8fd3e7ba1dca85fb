// Seeds: reference data (always, idempotent) and the demo data (on request, and by `npm start`
// on the embedded database). Tests rely on the demo identities below.
import type { Db } from "../../src/server/db";
import { hashPassword } from "../../src/server/auth/password";
import { hashIdNumber } from "../../src/server/identity/id-number-crypto";
import { registerLearner } from "../../src/server/learners/register-learner";
import type { LearnerStatus, Qualification, StaffRole } from "../../src/generated/prisma/enums";
import { seedDemoCourses } from "./courses";
import { seedDemoCredits } from "./credits";
import { seedDemoQuestionBanks } from "./questions";
import { DISTRICTS } from "./districts";

export async function seedReferenceData(db: Db): Promise<void> {
  for (const [index, d] of DISTRICTS.entries()) {
    await db.district.upsert({
      where: { code: d.code },
      create: { ...d, sortOrder: index, phone: "", address: "", hours: "" },
      update: {},
    });
  }
}

export const DEMO_LEARNERS: ReadonlyArray<{
  name: string;
  idNumber: string;
  district: string;
  startYear: number;
  status: LearnerStatus;
  employer: string;
  qualification: Qualification;
}> = [
  {
    name: "李明",
    idNumber: "420102198503121238",
    district: "jiangan",
    startYear: 2024,
    status: "ACTIVE",
    employer: "武汉长江建设集团有限公司",
    qualification: "INTERMEDIATE",
  },
  {
    name: "王芳",
    idNumber: "420106199007152342",
    district: "wuchang",
    startYear: 2026,
    status: "ACTIVE",
    employer: "武昌区实验小学",
    qualification: "JUNIOR",
  },
  {
    name: "张伟",
    idNumber: "420111197801013456",
    district: "hongshan",
    startYear: 2024,
    status: "ACTIVE",
    employer: "湖北光谷会计师事务所",
    qualification: "SENIOR",
  },
  {
    name: "陈静",
    idNumber: "810000199001010019",
    district: "jianghan",
    startYear: 2026,
    status: "ACTIVE",
    employer: "江汉区商贸有限公司",
    qualification: "NONE",
  },
  {
    name: "刘洋",
    idNumber: "420103199202284560",
    district: "qiaokou",
    startYear: 2025,
    status: "DISABLED",
    employer: "硚口区物流有限公司",
    qualification: "JUNIOR",
  },
];

export const DEMO_STAFF: ReadonlyArray<{ username: string; displayName: string; role: StaffRole; district?: string }> =
  [
    { username: "cityadmin", displayName: "市会计考办管理员", role: "CITY_ADMIN" },
    { username: "wuchang", displayName: "武昌区财政局管理员", role: "DISTRICT_ADMIN", district: "wuchang" },
    { username: "support", displayName: "技术支持", role: "SUPPORT" },
  ];

// Contact rows for the demo only: a real deployment's administrators enter their own.
const DEMO_HOURS = "工作日 9:00-12:00，13:30-17:30";

export async function seedDemoData(db: Db, opts: { staffPassword: string }): Promise<{ created: boolean }> {
  await seedReferenceData(db);
  const districts = new Map((await db.district.findMany()).map((d) => [d.code, d]));
  const districtId = (code: string) => {
    const d = districts.get(code);
    if (!d) throw new Error(`Unknown district code ${code}`);
    return d.id;
  };

  for (const d of districts.values()) {
    if (d.phone) continue;
    await db.district.update({
      where: { id: d.id },
      data: {
        phone: `027-8576${String(1000 + d.sortOrder * 7).padStart(4, "0")}`,
        address: `${d.kind === "CITY" ? "武汉市" : d.name}（演示地址）`,
        hours: DEMO_HOURS,
      },
    });
  }

  const passwordHash = await hashPassword(opts.staffPassword);
  let cityAdminId: string | undefined;
  for (const s of DEMO_STAFF) {
    const staff = await db.staffUser.upsert({
      where: { username: s.username },
      create: {
        username: s.username,
        displayName: s.displayName,
        role: s.role,
        districtId: s.district ? districtId(s.district) : null,
        passwordHash,
      },
      update: {},
    });
    if (s.role === "CITY_ADMIN") cityAdminId = staff.id;
  }

  await seedDemoCourses(db);
  await seedDemoQuestionBanks(db);

  let created = false;
  for (const l of DEMO_LEARNERS) {
    const exists = await db.learner.findUnique({
      where: { idNumberHmac: hashIdNumber(l.idNumber) },
      select: { id: true },
    });
    if (exists) continue;
    await db.$transaction((tx) =>
      registerLearner(
        {
          idNumber: l.idNumber,
          name: l.name,
          districtId: districtId(l.district),
          employer: l.employer,
          qualification: l.qualification,
          startYear: l.startYear,
          status: l.status,
        },
        { staffUserId: cityAdminId ?? null },
        tx,
      ),
    );
    created = true;
  }
  if (cityAdminId) await seedDemoCredits(db, cityAdminId);
  return { created };
}
