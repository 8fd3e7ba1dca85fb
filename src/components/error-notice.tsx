"use client";

/**
 * 系统繁忙: shown for an unexpected server or client error. Never the error's message or stack,
 * only the digest that lets support find the logged error.
 */
export function ErrorNotice({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-xl font-semibold">系统繁忙，请稍后再试</h1>
      <p className="mt-2 text-slate-600">页面加载时出现了问题。您的学习记录不会因此丢失。</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-500">错误编号：{error.digest}</p> : null}
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
