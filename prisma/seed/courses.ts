// The demo course catalogue: realistic courses for Wuhan's accounting professionals, in both
// categories, with lessons on the sample videos under public/media/ (made by
// scripts/media/make-sample-videos.sh). Videos are reused across courses; every lesson's
// durationSeconds is the real, measured duration of its file (ffprobe, rounded up), checked
// against public/media/manifest.json by tests/unit/demo-catalogue.test.ts.
import type { Db } from "../../src/server/db";
import type { CourseStatus, CreditCategory } from "../../src/generated/prisma/enums";

export interface DemoLesson {
  title: string;
  /** A path under public/ (MP4, WebM or an HLS playlist). */
  videoUrl: string;
  durationSeconds: number;
}

export interface DemoCourse {
  title: string;
  category: CreditCategory;
  credits: number;
  description: string;
  status: CourseStatus;
  /** Day of first publication (Asia/Shanghai); absent for a draft. */
  publishedOn?: string;
  /** Questions per paper, when not the default 10 (a course with a small bank). */
  examQuestionCount?: number;
  lessons: readonly DemoLesson[];
}

type Video = Pick<DemoLesson, "videoUrl" | "durationSeconds">;

/** The sample files and their real durations (see public/media/manifest.json). */
const VIDEO = {
  quickStart: { videoUrl: "/media/quick-start.mp4", durationSeconds: 12 },
  ethics: { videoUrl: "/media/ethics-code.mp4", durationSeconds: 46 },
  ethicsWebm: { videoUrl: "/media/ethics-code.webm", durationSeconds: 46 },
  accountingLaw: { videoUrl: "/media/accounting-law.mp4", durationSeconds: 49 },
  accountingLawHls: { videoUrl: "/media/hls/accounting-law/index.m3u8", durationSeconds: 49 },
  reformPolicy: { videoUrl: "/media/reform-policy.mp4", durationSeconds: 51 },
  revenue: { videoUrl: "/media/revenue-standard.mp4", durationSeconds: 46 },
  governmentAccounting: { videoUrl: "/media/government-accounting.mp4", durationSeconds: 50 },
  internalControl: { videoUrl: "/media/internal-control.mp4", durationSeconds: 51 },
  taxLaw: { videoUrl: "/media/tax-law.mp4", durationSeconds: 46 },
  digitalFinance: { videoUrl: "/media/digital-finance.mp4", durationSeconds: 51 },
  managementAccounting: { videoUrl: "/media/management-accounting.mp4", durationSeconds: 50 },
} as const satisfies Record<string, Video>;

export const SHORT_COURSE_TITLE = "继续教育学习指南（快速体验）";

export const DEMO_COURSES: readonly DemoCourse[] = [
  // ---------------------------------------------------------------- 公需科目 (PUBLIC)
  {
    title: SHORT_COURSE_TITLE,
    category: "PUBLIC",
    credits: 3,
    description:
      "用几分钟了解网上继续教育的学习流程：选课、观看课程视频、参加考试并取得学分。每年须取得不少于90学分，其中专业科目一般不少于60学分；学分当年有效，不得结转以后年度。本课程只有一节约十秒的短视频，适合首次登录时快速体验。",
    status: "PUBLISHED",
    publishedOn: "2024-01-02",
    examQuestionCount: 5,
    lessons: [{ title: "如何学习与取得学分", ...VIDEO.quickStart }],
  },
  {
    title: "会计人员职业道德规范",
    category: "PUBLIC",
    credits: 6,
    description:
      "解读财政部2023年印发的《会计人员职业道德规范》，这是我国首个全国性的会计人员职业道德规范。课程围绕“坚持诚信，守法奉公；坚持准则，守责敬业；坚持学习，守正创新”的“三坚三守”要求展开，并结合财务造假典型案例，引导会计人员守住职业底线。",
    status: "PUBLISHED",
    publishedOn: "2024-03-01",
    lessons: [
      { title: "《会计人员职业道德规范》解读", ...VIDEO.ethics },
      { title: "“三坚三守”与诚信建设", ...VIDEO.ethicsWebm },
    ],
  },
  {
    title: "新《会计法》解读",
    category: "PUBLIC",
    credits: 9,
    description:
      "2024年6月28日，十四届全国人大常委会第十次会议通过关于修改《中华人民共和国会计法》的决定，自2024年7月1日起施行。课程介绍修法背景和主要变化，重点讲解单位内部会计监督制度的完善，以及对伪造、变造会计凭证和会计账簿等违法行为处罚力度的加大。",
    status: "PUBLISHED",
    publishedOn: "2024-09-02",
    lessons: [
      { title: "修法背景与主要变化", ...VIDEO.accountingLawHls },
      { title: "单位内部会计监督与内部控制", ...VIDEO.internalControl },
    ],
  },
  {
    title: "学习贯彻党的二十届三中全会精神",
    category: "PUBLIC",
    credits: 6,
    description:
      "学习党的二十届三中全会审议通过的《中共中央关于进一步全面深化改革、推进中国式现代化的决定》。课程聚焦深化财税体制改革的部署，包括健全预算制度、健全税收制度、建立权责清晰、财力协调、区域均衡的中央和地方财政关系，帮助会计人员把握改革方向。",
    status: "PUBLISHED",
    publishedOn: "2024-10-08",
    lessons: [{ title: "深化财税体制改革", ...VIDEO.reformPolicy }],
  },
  {
    title: "数字素养与会计信息化",
    category: "PUBLIC",
    credits: 6,
    description:
      "结合《会计信息化发展规划（2021－2025年）》，介绍会计数字化转型的总体要求和常见应用场景。课程讲解电子会计凭证的报销、入账和归档，以及数据安全和个人信息保护的基本要求，提升会计人员的数字素养。",
    status: "PUBLISHED",
    publishedOn: "2025-01-06",
    lessons: [{ title: "会计工作的数字化转型", ...VIDEO.digitalFinance }],
  },
  {
    // Retired: hidden from new learners, kept for those already enrolled.
    title: "会计诚信教育（2023年版）",
    category: "PUBLIC",
    credits: 6,
    description:
      "2023年度公需科目课程，介绍会计诚信建设的基本要求和失信惩戒机制。课程内容已由“会计人员职业道德规范”课程更新替代，新学员请选择新版课程。",
    status: "RETIRED",
    publishedOn: "2023-02-01",
    lessons: [{ title: "会计诚信与职业道德", ...VIDEO.ethics }],
  },

  // ---------------------------------------------------------------- 专业科目 (PROFESSIONAL)
  {
    title: "企业会计准则第14号——收入",
    category: "PROFESSIONAL",
    credits: 12,
    description:
      "系统讲解收入准则以控制权转移为基础的收入确认模型。课程按照“五步法”梳理识别合同、识别单项履约义务、确定交易价格、分摊交易价格和确认收入的要点，并分析收入确认对财务报表的影响。",
    status: "PUBLISHED",
    publishedOn: "2024-03-11",
    lessons: [
      { title: "收入确认的五步法模型", ...VIDEO.revenue },
      { title: "收入业务的内部控制要点", ...VIDEO.internalControl },
    ],
  },
  {
    title: "政府会计准则制度解读",
    category: "PROFESSIONAL",
    credits: 18,
    description:
      "介绍政府会计准则制度“双功能、双基础、双报告”的基本框架：财务会计与预算会计适度分离又相互衔接，分别实行权责发生制和收付实现制，单位同时编制政府财务报告和政府决算报告。课程还讲解预算管理和行政事业单位内部控制的衔接，适合行政事业单位会计人员学习。",
    status: "PUBLISHED",
    publishedOn: "2024-04-01",
    lessons: [
      { title: "“双功能、双基础、双报告”", ...VIDEO.governmentAccounting },
      { title: "预算管理与绩效管理", ...VIDEO.managementAccounting },
      { title: "行政事业单位的内部控制", ...VIDEO.internalControl },
    ],
  },
  {
    title: "管理会计应用指引",
    category: "PROFESSIONAL",
    credits: 9,
    description:
      "依据财政部发布的《管理会计基本指引》和系列应用指引，介绍战略管理、预算管理、成本管理、营运管理、投融资管理和绩效管理等领域的常用工具方法。课程以全面预算管理为例，说明如何把单位目标落实到各部门和岗位。",
    status: "PUBLISHED",
    publishedOn: "2024-04-15",
    lessons: [{ title: "预算管理与绩效管理", ...VIDEO.managementAccounting }],
  },
  {
    title: "内部控制规范与风险管理",
    category: "PROFESSIONAL",
    credits: 12,
    description:
      "依据《企业内部控制基本规范》及配套指引，讲解内部环境、风险评估、控制活动、信息与沟通、内部监督五要素。课程结合信息化环境，说明如何在业务流程和信息系统中嵌入控制措施，防范舞弊和经营风险。",
    status: "PUBLISHED",
    publishedOn: "2024-05-06",
    lessons: [
      { title: "内部控制的五要素", ...VIDEO.internalControl },
      { title: "信息系统环境下的内部控制", ...VIDEO.digitalFinance },
    ],
  },
  {
    title: "行政事业单位内部控制",
    category: "PROFESSIONAL",
    credits: 6,
    description:
      "依据《行政事业单位内部控制规范（试行）》，讲解预算、收支、政府采购、资产、建设项目和合同六类经济活动的控制要求。课程还介绍内部控制与政府会计核算的衔接，帮助单位提高内部控制报告质量。",
    status: "PUBLISHED",
    publishedOn: "2024-05-20",
    lessons: [
      { title: "经济活动的内部控制", ...VIDEO.internalControl },
      { title: "政府会计与内部控制的衔接", ...VIDEO.governmentAccounting },
    ],
  },
  {
    title: "增值税法解读",
    category: "PROFESSIONAL",
    credits: 9,
    description:
      "《中华人民共和国增值税法》于2024年12月25日由十四届全国人大常委会第十三次会议通过，自2026年1月1日起施行。课程介绍增值税由暂行条例上升为法律后的主要内容，包括13%、9%、6%和零税率四档税率以及小规模纳税人3%的征收率。",
    status: "PUBLISHED",
    publishedOn: "2025-01-13",
    lessons: [{ title: "增值税法的立法要点", ...VIDEO.taxLaw }],
  },
  {
    title: "个人所得税专项附加扣除实务",
    category: "PROFESSIONAL",
    credits: 3,
    description:
      "自2023年1月1日起，3岁以下婴幼儿照护、子女教育专项附加扣除标准提高到每月2000元，赡养老人提高到每月3000元。课程讲解各项专项附加扣除的条件、标准和预扣预缴、汇算清缴中的操作要点。",
    status: "PUBLISHED",
    publishedOn: "2024-02-19",
    lessons: [{ title: "专项附加扣除标准的调整", ...VIDEO.taxLaw }],
  },
  {
    title: "预算绩效管理",
    category: "PROFESSIONAL",
    credits: 6,
    description:
      "根据《中共中央 国务院关于全面实施预算绩效管理的意见》，讲解绩效目标管理、绩效运行监控、绩效评价和评价结果应用的全过程管理。课程强调“花钱必问效、无效必问责”，帮助行政事业单位财务人员提升资金使用效益。",
    status: "PUBLISHED",
    publishedOn: "2024-06-03",
    lessons: [{ title: "全面实施预算绩效管理", ...VIDEO.managementAccounting }],
  },
  {
    title: "财务报表分析",
    category: "PROFESSIONAL",
    credits: 12,
    description:
      "从偿债能力、营运能力、盈利能力和发展能力四个方面介绍财务报表分析的常用指标和方法。课程结合收入准则对报表的影响和管理会计工具，说明如何透过报表数据发现经营问题、支持管理决策。",
    status: "PUBLISHED",
    publishedOn: "2024-06-17",
    lessons: [
      { title: "收入确认对报表的影响", ...VIDEO.revenue },
      { title: "管理会计视角下的报表分析", ...VIDEO.managementAccounting },
    ],
  },
  {
    title: "电子会计凭证与会计档案管理",
    category: "PROFESSIONAL",
    credits: 3,
    description:
      "依据《会计档案管理办法》和《关于规范电子会计凭证报销入账归档的通知》（财会〔2020〕6号），讲解电子会计凭证的报销、入账和归档要求。来源合法、真实的电子会计凭证与纸质会计凭证具有同等法律效力，课程说明单位仅以电子形式归档应满足的条件。",
    status: "PUBLISHED",
    publishedOn: "2024-07-01",
    lessons: [{ title: "电子会计凭证与会计信息化", ...VIDEO.digitalFinance }],
  },
  {
    title: "数字化转型与财务共享",
    category: "PROFESSIONAL",
    credits: 24,
    description:
      "介绍企业财务数字化转型的路径和财务共享服务中心的建设要点。课程讲解共享模式下的业务流程再造、内部控制和业财融合，以及新《会计法》对会计信息化和会计资料管理的要求。",
    status: "PUBLISHED",
    publishedOn: "2025-02-10",
    lessons: [
      { title: "财务共享服务中心", ...VIDEO.digitalFinance },
      { title: "共享模式下的内部控制", ...VIDEO.internalControl },
      { title: "业财融合与管理会计", ...VIDEO.managementAccounting },
      { title: "会计信息化的法律要求", ...VIDEO.accountingLaw },
    ],
  },
  {
    // Draft: not yet visible to learners.
    title: "企业会计准则解释第18号解读（筹备中）",
    category: "PROFESSIONAL",
    credits: 6,
    description:
      "解读财政部2024年12月发布的《企业会计准则解释第18号》，包括不属于单项履约义务的保证类质量保证的会计处理等内容。课程正在录制中，发布后另行通知。",
    status: "DRAFT",
    lessons: [{ title: "保证类质量保证的会计处理", ...VIDEO.revenue }],
  },
];

/** Midnight of a day in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghaiMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/**
 * Inserts the demo courses and their lessons. Idempotent: a course whose title already exists is
 * left as it is (whatever administrators have changed since).
 */
export async function seedDemoCourses(db: Db): Promise<{ created: number }> {
  let created = 0;
  for (const course of DEMO_COURSES) {
    const exists = await db.course.findFirst({ where: { title: course.title }, select: { id: true } });
    if (exists) continue;
    await db.course.create({
      data: {
        title: course.title,
        category: course.category,
        credits: course.credits,
        description: course.description,
        status: course.status,
        publishedAt: course.publishedOn ? shanghaiMidnight(course.publishedOn) : null,
        ...(course.examQuestionCount ? { examQuestionCount: course.examQuestionCount } : {}),
        lessons: {
          create: course.lessons.map((lesson, index) => ({
            position: index + 1,
            title: lesson.title,
            videoUrl: lesson.videoUrl,
            durationSeconds: lesson.durationSeconds,
          })),
        },
      },
    });
    created += 1;
  }
  return { created };
}
