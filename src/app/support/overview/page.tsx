import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/ui/bar-chart";
import { DataTable } from "@/components/ui/data-table";
import { chartRows, OVERVIEW_WINDOW_LABELS, type OverviewWindow } from "@/domain/support/overview";
import { formatTime } from "@/lib/time";
import { requireStaff } from "@/server/auth/session";
import { getSupportOverview, OVERVIEW_TOP } from "@/server/support/get-support-overview";

export const metadata: Metadata = { title: "概况" };

const CARD = "rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200";

function Figure({ label, value, href }: { label: string; value: number; href?: string }) {
  const body = (
    <>
      <span className="block text-sm text-slate-600">{label}</span>
      <span className="block text-2xl font-semibold tabular-nums text-brand-900">{value}</span>
    </>
  );
  return (
    <div className={CARD}>
      {href ? (
        <Link href={href} className="block hover:underline">
          {body}
        </Link>
      ) : (
        body
      )}
    </div>
  );
}

// 概况: is something broken right now? Errors by type, browser and course for the last 24
// hours and 7 days, the videos failing most, and the tickets waiting.
export default async function SupportOverviewPage() {
  const staff = await requireStaff("support.use");
  const o = await getSupportOverview(staff);
  const windows: OverviewWindow[] = ["day", "week"];
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-brand-900">概况</h1>
        <p className="mt-1 text-sm text-slate-600">数据更新于 {formatTime(o.at)}（每分钟更新）。</p>
      </header>
      <section aria-labelledby="tickets-title" className="space-y-3">
        <h2 id="tickets-title" className="text-lg font-semibold">
          问题工单
        </h2>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Figure label="待处理" value={o.tickets.open} href="/support/reports?status=OPEN&age=any" />
          <Figure label="处理中" value={o.tickets.inProgress} href="/support/reports?status=IN_PROGRESS&age=any" />
          <Figure label="近24小时新提交" value={o.tickets.newDay} href="/support/reports?status=all&age=24h" />
          <Figure label="近7天新提交" value={o.tickets.newWeek} href="/support/reports?status=all&age=7d" />
        </div>
      </section>
      <section aria-labelledby="worst-title" className={`${CARD} space-y-3`}>
        <h2 id="worst-title" className="text-lg font-semibold">
          出错最多的视频
        </h2>
        {o.worstLessons.length === 0 ? (
          <p className="text-sm text-slate-600">近7天没有播放错误。</p>
        ) : (
          <DataTable
            label="出错最多的视频列表"
            caption="出错最多的视频（近24小时和近7天）"
            minWidth="min-w-[36rem]"
            look="flush"
            columns={["课程 / 章节", "近24小时错误（学员）", "近7天错误（学员）"]}
          >
            <tbody className="divide-y divide-slate-100">
              {o.worstLessons.map((l) => (
                <tr key={l.lessonId}>
                  <th scope="row" className="py-2 pr-3 font-normal">
                    {l.courseTitle}
                    <span className="block text-xs text-slate-500">{l.lessonTitle}</span>
                  </th>
                  <td className="py-2 pr-3 tabular-nums">
                    {l.day}（{l.learners.day} 人）
                  </td>
                  <td className="py-2 pr-3 tabular-nums">
                    {l.week}（{l.learners.week} 人）
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      {windows.map((w) => {
        const total = o.errors[w];
        const label = OVERVIEW_WINDOW_LABELS[w];
        return (
          <section key={w} aria-labelledby={`errors-${w}`} className={`${CARD} space-y-4`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id={`errors-${w}`} className="text-lg font-semibold">
                {label}的播放错误
              </h2>
              <p className="text-sm text-slate-700">
                共 {total} 次，涉及 {o.errors.learners[w]} 名学员
              </p>
            </div>
            {total === 0 ? (
              <p className="text-sm text-slate-600">{label}没有播放错误。</p>
            ) : (
              <div className="grid gap-6 lg:grid-cols-3">
                <BarChart title={`${label}按错误类型`} rows={chartRows(o.byKind, total, w, OVERVIEW_TOP)} />
                <BarChart title={`${label}按浏览器`} rows={chartRows(o.byBrowser, total, w, OVERVIEW_TOP)} />
                <BarChart title={`${label}按课程`} rows={chartRows(o.byCourse, total, w, OVERVIEW_TOP)} />
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
