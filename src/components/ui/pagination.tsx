import Link from "next/link";

type Extent =
  /** The number of pages is known: "第 2 / 5 页", a next link before the last page. */
  | { pageCount: number; hasNext?: never }
  /** The number of pages is not counted (a long log): only whether another page follows. */
  | { hasNext: boolean; pageCount?: never };

/**
 * Previous / next links of a server-paged list. `hrefFor` builds the address of a page with the
 * current filters; `label` names the navigation where a page could have more than one.
 */
export function Pagination({
  page,
  hrefFor,
  label = "分页",
  summary,
  ...extent
}: {
  page: number;
  hrefFor: (page: number) => string;
  label?: string;
  summary?: string;
} & Extent) {
  const hasNext = extent.pageCount === undefined ? extent.hasNext : page < extent.pageCount;
  const link = "rounded-lg px-3 py-1.5 text-brand-800 ring-1 ring-inset ring-brand-200 hover:bg-brand-50";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <span>
        {summary ?? (extent.pageCount === undefined ? `第 ${page} 页` : `第 ${page} / ${extent.pageCount} 页`)}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={link} rel="prev">
            上一页
          </Link>
        ) : null}
        {hasNext ? (
          <Link href={hrefFor(page + 1)} className={link} rel="next">
            下一页
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
