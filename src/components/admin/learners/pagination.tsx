import Link from "next/link";

/**
 * Previous / next links for a server-paged list; `href` builds the address of a page with the
 * current filters.
 */
export function Pagination({
  page,
  hasNext,
  summary,
  href,
  label,
}: {
  page: number;
  hasNext: boolean;
  summary?: string;
  href: (page: number) => string;
  label: string;
}) {
  const link = "rounded-lg px-3 py-1.5 text-brand-800 ring-1 ring-inset ring-brand-200 hover:bg-brand-50";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <span>{summary ?? `第 ${page} 页`}</span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={link} rel="prev">
            上一页
          </Link>
        ) : null}
        {hasNext ? (
          <Link href={href(page + 1)} className={link} rel="next">
            下一页
          </Link>
        ) : null}
      </span>
    </nav>
  );
}

/** A query string from the filters that are set (empty ones left out), with the page. */
export function queryString(filters: Record<string, string | number | undefined>, page?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  if (page && page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
