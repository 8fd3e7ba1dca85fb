"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

interface SubmitPanelProps {
  unanswered: number;
  disabled: boolean;
  submitting: boolean;
  error: string | null;
  onSubmit: () => void;
}

/** 交卷, with a confirmation step that says how many questions are still unanswered. */
export function SubmitPanel({ unanswered, disabled, submitting, error, onSubmit }: SubmitPanelProps) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  return (
    <section aria-label="交卷" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      {confirming ? (
        <div
          ref={confirmRef}
          tabIndex={-1}
          role="group"
          aria-labelledby="confirm-submit"
          className="space-y-3 outline-none"
        >
          <p id="confirm-submit" className="font-medium text-slate-900">
            {unanswered > 0 ? `您还有 ${unanswered} 题未作答，` : ""}交卷后不能再修改答案，确定交卷吗？
          </p>
          <div className="flex flex-wrap gap-3">
            <Button type="button" onClick={onSubmit} disabled={disabled || submitting}>
              {submitting ? "正在交卷…" : "确认交卷"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={submitting}>
              继续答题
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" onClick={() => setConfirming(true)} disabled={disabled} className="w-full sm:w-auto">
          交卷
        </Button>
      )}
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
