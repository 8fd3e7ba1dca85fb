import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site-footer";
import { SITE_NAME } from "@/lib/site";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: "武汉市会计专业技术人员网上继续教育：在线学习、考试、学分查询。",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// The document. Header and main area come from each area's layout (PageFrame): the public pages
// are prebuilt, so nothing here may read the session.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 print:hidden"
        >
          跳到主要内容
        </a>
        {children}
        {/* Not printed: a printed page is its content alone. */}
        <div className="print:hidden">
          <SiteFooter />
        </div>
      </body>
    </html>
  );
}
