"use client";

import { ErrorNotice } from "@/components/error-notice";
import { isQueryTimeoutDigest, QUERY_TIMEOUT_MESSAGE } from "@/lib/errors";

// Inside this area's layout, so its header stays. A staff report over its time limit (its
// digest says so, ADR 0022) is told as such: a narrower filter may pass, it is no outage.
export default function AreaError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (!isQueryTimeoutDigest(error.digest)) return <ErrorNotice error={error} reset={reset} />;
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-xl font-semibold">{QUERY_TIMEOUT_MESSAGE}</h1>
      <p className="mt-2 text-xs text-slate-500">错误编号：{error.digest}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-lg bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800"
      >
        重试
      </button>
    </div>
  );
}
