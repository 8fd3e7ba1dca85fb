import type { ReactNode } from "react";
import { PageFrame } from "@/components/page-frame";
import { SiteHeader } from "@/app/site-header";

// Learner pages and the public pages as a signed-in person sees them: rendered per request.
export default function LearnerLayout({ children }: { children: ReactNode }) {
  return <PageFrame header={<SiteHeader />}>{children}</PageFrame>;
}
