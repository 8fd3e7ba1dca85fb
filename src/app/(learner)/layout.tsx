import type { ReactNode } from "react";
import { PageFrame } from "@/components/page-frame";
import { SiteHeader } from "@/app/site-header";

// Learner pages and the public pages as a signed-in person sees them: rendered per request.
// data-print-scope: printed, a learner page keeps its content only (no buttons or forms, see the
// print block of globals.css); `contents` keeps the wrapper out of the page's layout.
export default function LearnerLayout({ children }: { children: ReactNode }) {
  return (
    <div data-print-scope="learner" className="contents">
      <PageFrame header={<SiteHeader />}>{children}</PageFrame>
    </div>
  );
}
