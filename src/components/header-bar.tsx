import Link from "next/link";
import { SITE_NAME, SITE_SHORT_NAME } from "@/lib/site";
import { LogoutButton } from "./logout-button";

export interface NavItem {
  href: string;
  label: string;
}

/** The navigation of a visitor who is not signed in. */
export const PUBLIC_NAV: readonly NavItem[] = [
  { href: "/", label: "首页" },
  { href: "/help", label: "学习帮助" },
  { href: "/help/contacts", label: "联系方式" },
  { href: "/login", label: "学员登录" },
];

/** The header bar: the site's name, a navigation, and who is signed in (with 退出) if anybody. */
export function HeaderBar({ nav, who }: { nav: readonly NavItem[]; who?: string }) {
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
