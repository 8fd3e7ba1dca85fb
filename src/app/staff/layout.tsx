import type { ReactNode } from "react";
import { PageFrame } from "@/components/page-frame";
import { SiteHeader } from "@/app/site-header";

export default function StaffLayout({ children }: { children: ReactNode }) {
  return <PageFrame header={<SiteHeader />}>{children}</PageFrame>;
}
