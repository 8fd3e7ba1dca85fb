"use client";

import { ErrorNotice } from "@/components/error-notice";

// Inside this area's layout, so its header stays.
export default function AreaError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice error={error} reset={reset} />;
}
