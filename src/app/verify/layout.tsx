import type { ReactNode } from "react";
import { HeaderBar, PUBLIC_NAV } from "@/components/header-bar";
import { PageFrame } from "@/components/page-frame";

// 学时证明查验: public, for whoever holds a certificate (employers, reviewers); no session is read.
export default function VerifyLayout({ children }: { children: ReactNode }) {
  return <PageFrame header={<HeaderBar nav={PUBLIC_NAV} />}>{children}</PageFrame>;
}
