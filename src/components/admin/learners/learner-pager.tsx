import Link from "next/link";
import { learnerMessages } from "@/messages/zh-CN/learners";

const LINK = "rounded-lg px-3 py-1.5 text-brand-800 ring-1 ring-inset ring-brand-200 hover:bg-brand-50";

/** The filters that stay in every link of the list (not its position). */
export type LearnerListQuery = Record<string, string | number | undefined>;

/** The learner list's address with its filters and one position (a cursor, the end or a date). */
export function learnerListHref(query: LearnerListQuery, position: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...position })) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return `/admin/learners${text ? `?${text}` : ""}`;
}

/**
 * First / previous / next / last links of the learner list: opaque cursors, not page numbers
 * (ADR 0024), so a deep page costs what the first does. 按登记日期 jumps to the learners
 * registered on or before a day, newest first: a GET form carrying the filters.
 */
export function LearnerPager({
  query,
  until,
  previous,
  next,
  pageSize,
}: {
  query: LearnerListQuery;
  until: string | undefined;
  previous: string | null;
  next: string | null;
  pageSize: number;
}) {
  return (
    <nav aria-label="学员列表分页" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <span>{learnerMessages.listPageSummary(pageSize)}</span>
      <form method="get" action="/admin/learners" className="flex items-center gap-2" aria-label="按登记日期跳转">
        {Object.entries(query).map(([key, value]) =>
          value !== undefined && value !== "" ? <input key={key} type="hidden" name={key} value={value} /> : null,
        )}
        <label htmlFor="learners-jump-date">按登记日期</label>
        <input
          id="learners-jump-date"
          type="date"
          name="until"
          required
          defaultValue={until ?? ""}
          title={learnerMessages.listJumpHint}
          className="rounded-lg border border-slate-300 px-2 py-1"
        />
        <button type="submit" className={LINK}>
          跳转
        </button>
      </form>
      <span className="flex gap-2">
        {previous ? (
          <>
            <Link href={learnerListHref(query)} className={LINK}>
              首页
            </Link>
            <Link href={learnerListHref(query, { before: previous })} className={LINK} rel="prev">
              上一页
            </Link>
          </>
        ) : null}
        {next ? (
          <>
            <Link href={learnerListHref(query, { after: next })} className={LINK} rel="next">
              下一页
            </Link>
            <Link href={learnerListHref(query, { last: "1" })} className={LINK}>
              末页
            </Link>
          </>
        ) : null}
      </span>
    </nav>
  );
}
