"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { examRequests } from "./exam-requests";

/** 开始考试: the server draws the paper (or finds the open one) and the page goes to it. */
export function StartExamButton({ enrollmentId, label = "开始考试" }: { enrollmentId: string; label?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const start = () =>
    startTransition(async () => {
      setError(null);
      try {
        const result = await examRequests.start({ enrollmentId });
        if (!result.ok) return setError(result.message);
        router.push(`/exams/${result.data.enrollmentId}/attempts/${result.data.attemptId}`);
      } catch {
        setError("网络连接中断，请稍后重试。");
      }
    });

  return (
    <div className="space-y-2">
      <Button type="button" onClick={start} disabled={pending} className="w-full sm:w-auto">
        {pending ? "正在准备试卷…" : label}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
