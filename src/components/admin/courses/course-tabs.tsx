"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The sections of one course's administration: 概况, 课时, 题库. */
export function CourseTabs({ courseId }: { courseId: string }) {
  const pathname = usePathname();
  const base = `/admin/courses/${courseId}`;
  const tabs = [
    { href: base, label: "课程信息与考试规则", current: pathname === base },
    { href: `${base}/lessons`, label: "课时", current: pathname.startsWith(`${base}/lessons`) },
    { href: `${base}/questions`, label: "题库", current: pathname.startsWith(`${base}/questions`) },
  ];
  return (
    <nav aria-label="课程管理分区" className="border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1 text-sm">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              className={`block border-b-2 px-4 py-2 ${
                tab.current
                  ? "border-brand-700 font-medium text-brand-800"
                  : "border-transparent text-slate-600 hover:text-brand-700"
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
