"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action-result";
import { startCourse } from "@/server/actions/enrollment";

export function StartCourseButton({ courseId }: { courseId: string }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ enrollmentId: string }> | null, FormData>(
    startCourse,
    null,
  );
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="courseId" value={courseId} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在进入…" : "开始学习"}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
