"use client";

import { HeaderBar, PUBLIC_NAV } from "@/components/header-bar";
import { ErrorNotice } from "@/components/error-notice";
import { PageFrame } from "@/components/page-frame";

// What fails above the areas' own error pages (which keep their header) shows here, with the
// public header.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageFrame header={<HeaderBar nav={PUBLIC_NAV} />}>
      <ErrorNotice error={error} reset={reset} />
    </PageFrame>
  );
}
