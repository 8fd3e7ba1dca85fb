import type { ReactNode } from "react";
import { HeaderBar, PUBLIC_NAV } from "@/components/header-bar";
import { PageFrame } from "@/components/page-frame";

// The public pages as a visitor without a session sees them, prebuilt at `next build` and served
// by src/proxy.ts at their own addresses (/, /login, /help, /help/contacts). Nothing below may
// read the session or the request.
export default function SignedOutLayout({ children }: { children: ReactNode }) {
  return <PageFrame header={<HeaderBar nav={PUBLIC_NAV} />}>{children}</PageFrame>;
}
