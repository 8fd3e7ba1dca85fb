import Link from "next/link";
import { SITE_NAME, SITE_SHORT_NAME } from "@/lib/site";
import { getCurrentLearner, getCurrentStaff } from "@/server/auth/session";
import { LogoutButton } from "./logout-button";

interface NavItem {
  href: string;
  label: string;
}

const PUBLIC_NAV: NavItem[] = [
  { href: "/", label: "首页" },
  { href: "/help", label: "学习帮助" },
  { href: "/help/contacts", label: "联系方式" },
  { href: "/login", label: "学员登录" },
];

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

/** The header: the site's name and the navigation of whoever is signed in. */
export async function SiteHeader() {
  const [learner, staff] = await Promise.all([getCurrentLearner(), getCurrentStaff()]);
  const nav = learner ? LEARNER_NAV : staff ? (STAFF_NAV[staff.role] ?? []) : PUBLIC_NAV;
  const who = learner?.name ?? staff?.displayName;
  return (
    <header className="bg-brand-800 text-white shadow-sm">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-wide">
          <span aria-hidden className="grid size-8 place-items-center rounded bg-white/15 text-sm">
            学
          </span>
          <span className="hidden sm:inline">{SITE_NAME}</span>
          <span className="sm:hidden">{SITE_SHORT_NAME}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <nav aria-label="主导航">
            <ul className="flex flex-wrap gap-x-1 text-sm">
              {nav.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="block rounded px-3 py-2 hover:bg-white/10">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {who ? (
            <div className="flex items-center gap-2 text-sm">
              <span className="text-white/80">{who}</span>
              <LogoutButton />
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}
