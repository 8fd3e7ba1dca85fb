"use client";

import { useEffect, useRef } from "react";

/** 继续学习?: a modal that pauses playback until the learner answers (Esc does not dismiss it). */
export function PresenceDialog({ open, onContinue }: { open: boolean; onContinue: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="presence-title"
      onCancel={(event) => event.preventDefault()}
      className="m-auto w-[min(22rem,calc(100vw-2rem))] rounded-xl p-6 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id="presence-title" className="text-lg font-semibold text-slate-900">
        您还在学习吗？
      </h2>
      <p className="mt-2 text-sm text-slate-700">为确认是本人在学习，播放已暂停。点击下方按钮继续学习。</p>
      <button
        type="button"
        autoFocus
        onClick={onContinue}
        className="mt-4 w-full rounded-lg bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800"
      >
        继续学习
      </button>
    </dialog>
  );
}
