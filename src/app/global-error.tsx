"use client";

import "./globals.css";

// Replaces the root layout when it fails itself; plain and self-contained.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body className="grid min-h-dvh place-items-center p-6 text-center">
        <div>
          <h1 className="text-xl font-semibold">系统繁忙，请稍后再试</h1>
          {error.digest ? <p className="mt-2 text-xs text-slate-500">错误编号：{error.digest}</p> : null}
          <button type="button" onClick={reset} className="mt-6 rounded-lg bg-blue-800 px-5 py-2.5 text-white">
            重试
          </button>
        </div>
      </body>
    </html>
  );
}
