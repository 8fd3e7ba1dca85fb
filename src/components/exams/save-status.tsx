"use client";

import type { SaveState } from "./use-answer-saver";

const TEXT: Record<SaveState["kind"], string> = {
  idle: "答案将自动保存",
  pending: "有修改待保存…",
  saving: "正在保存…",
  saved: "已保存",
  offline: "网络连接中断，答案暂未保存，正在重试…",
  error: "",
};

/** 已保存 and friends, announced politely to screen readers as they change. */
export function SaveStatus({ state }: { state: SaveState }) {
  const problem = state.kind === "offline" || state.kind === "error";
  return (
    <p
      role="status"
      aria-live="polite"
      className={`text-sm ${problem ? "font-medium text-red-700" : state.kind === "saved" ? "text-emerald-700" : "text-slate-600"}`}
    >
      {state.kind === "error" ? `保存失败：${state.message}` : TEXT[state.kind]}
    </p>
  );
}
