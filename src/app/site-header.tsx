import { getCurrentLearner, getCurrentStaff } from "@/server/auth/session";
import { HeaderBar, PUBLIC_NAV, type NavItem } from "@/components/header-bar";

const LEARNER_NAV: NavItem[] = [
  { href: "/", label: "我的学习" },
  { href: "/courses", label: "选课中心" },
  { href: "/records", label: "学分记录" },
  { href: "/help", label: "帮助" },
];

const STAFF_NAV: Record<string, NavItem[]> = {
  CITY_ADMIN: [
    { href: "/admin", label: "管理首页" },
    { href: "/support", label: "技术支持" },
  ],
  DISTRICT_ADMIN: [{ href: "/admin", label: "管理首页" }],
  SUPPORT: [{ href: "/support", label: "技术支持" }],
};

/**
 * The header of a page rendered per request: the navigation of whoever is signed in. Never
 * printed: a printed page (the study record of /records) is its content alone.
 */
export async function SiteHeader() {
  const [learner, staff] = await Promise.all([getCurrentLearner(), getCurrentStaff()]);
  const nav = learner ? LEARNER_NAV : staff ? (STAFF_NAV[staff.role] ?? []) : PUBLIC_NAV;
  return (
    <div className="print:hidden">
      <HeaderBar nav={nav} who={learner?.name ?? staff?.displayName} />
    </div>
  );
}
