import Link from "next/link";

/** 页面不存在, with the way back home. */
export function NotFoundNotice() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-5xl font-bold text-brand-700">404</p>
      <h1 className="mt-4 text-xl font-semibold">页面不存在</h1>
      <p className="mt-2 text-slate-600">您访问的页面不存在或已被移除，请检查网址是否正确。</p>
      <Link
        href="/"
        className="mt-6 inline-block rounded-lg bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800"
      >
        返回首页
      </Link>
    </div>
  );
}
