// The pages npm run bench:pages (scripts/bench/pages.ts) measures, what each must show to count as
// rendered, and their targets against the bare Next.js page.
import { BROWSED_COURSE, type PagesData } from "./pages-data";

/** The acceptance targets: a page's p99 within 1.5 times the bare page's, every learner page. */
export const P99_LIMIT = 1.5;

export interface Page {
  name: string;
  label: string;
  path: (data: PagesData) => string;
  signedIn: boolean;
  /** Texts only the real page has (not the login page a signed-out request is sent to, nor an error). */
  expect: string[];
  /** Least req/s as a share of the bare page's, where the issue sets one. */
  minRate?: number;
}

const PAGES: Page[] = [
  {
    name: "landing",
    label: "/, signed out",
    path: () => "/",
    signedIn: false,
    expect: ["使用身份证号和姓名登录", "每年 90 学分"],
    minRate: 0.9,
  },
  {
    name: "login",
    label: "/login, signed out",
    path: () => "/login",
    signedIn: false,
    expect: ["输入身份证号和姓名即可登录学习"],
    minRate: 0.9,
  },
  { name: "dashboard", label: "/, signed in", path: () => "/", signedIn: true, expect: ["还需 48 学分"], minRate: 0.6 },
  {
    name: "courses",
    label: "/courses",
    path: () => "/courses",
    signedIn: true,
    expect: ["选课中心", BROWSED_COURSE],
    minRate: 0.6,
  },
  {
    name: "course",
    label: "/courses/[id]",
    path: (d) => `/courses/${d.browsedCourseId}`,
    signedIn: true,
    expect: [BROWSED_COURSE, "四档税率"],
    minRate: 0.6,
  },
  {
    name: "records",
    label: "/records",
    path: () => "/records",
    signedIn: true,
    expect: ["每一笔学分都记录在取得它的年度", "参加会计类专业会议（每天）"],
    minRate: 0.6,
  },
  {
    name: "learn",
    label: "/learn/[enrollmentId]",
    path: (d) => `/learn/${d.studyEnrollmentId}`,
    signedIn: true,
    expect: ["企业会计准则第14号——收入", "收入确认的五步法模型"],
  },
  {
    name: "exam-paper",
    label: "/exams/[enrollmentId]/attempts/[attemptId], open",
    path: (d) => `/exams/${d.paper.enrollmentId}/attempts/${d.paper.attemptId}`,
    signedIn: true,
    expect: ["内部控制规范与风险管理", "已答", "交卷"],
  },
  {
    name: "exam-result",
    label: "/exams/[enrollmentId]/attempts/[attemptId], graded (failed)",
    path: (d) => `/exams/${d.result.enrollmentId}/attempts/${d.result.attemptId}`,
    signedIn: true,
    expect: ["考试结果", "未通过", "再考一次"],
  },
];

export const BARE_EXPECT = ["基准页面", "示例课程 30"];

export function selectedPages(): Page[] {
  const names = process.env.BENCH_PAGES?.split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  if (!names?.length) return PAGES;
  const unknown = names.filter((n) => !PAGES.some((p) => p.name === n));
  if (unknown.length) {
    throw new Error(`BENCH_PAGES: unknown page ${unknown.join(", ")} (pages: ${PAGES.map((p) => p.name).join(", ")})`);
  }
  return PAGES.filter((p) => names.includes(p.name));
}
