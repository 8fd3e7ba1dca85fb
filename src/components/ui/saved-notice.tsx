import type { ReactNode } from "react";

/** A polite confirmation after a successful save (announced by screen readers, not focused). */
export function SavedNotice({ show, children = "已保存" }: { show: boolean; children?: ReactNode }) {
  return (
    <p role="status" className="min-h-5 text-sm text-emerald-700">
      {show ? children : null}
    </p>
  );
}
