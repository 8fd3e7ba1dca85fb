import type { Metadata } from "next";
import Link from "next/link";
import { TicketStatusBadge } from "@/components/support/ticket-status-badge";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import {
  formatAge,
  TICKET_AGE_FILTER_LABELS,
  TICKET_AGE_FILTERS,
  TICKET_STATUS_FILTER_LABELS,
  TICKET_STATUS_FILTERS,
} from "@/domain/support/tickets";
import { queryString } from "@/lib/query-string";
import { formatDateTime } from "@/lib/time";
import { requireStaff } from "@/server/auth/session";
import { listTickets, ZTicketQuery } from "@/server/support/list-tickets";

export const metadata: Metadata = { title: "问题工单" };

export default async function TicketsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff("support.use");
  const query = ZTicketQuery.parse(await searchParams);
  const now = new Date();
  const { tickets, total, pageCount } = await listTickets(staff, query, now);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-brand-900">问题工单</h1>
      <form
        method="get"
        role="search"
        className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        <SelectField name="status" label="状态" defaultValue={query.status}>
          {TICKET_STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {TICKET_STATUS_FILTER_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <SelectField name="age" label="提交时间" defaultValue={query.age}>
          {TICKET_AGE_FILTERS.map((a) => (
            <option key={a} value={a}>
              {TICKET_AGE_FILTER_LABELS[a]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="rounded-lg bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
          筛选
        </button>
      </form>
      <p className="text-sm text-slate-600" aria-live="polite">
        共 {total} 件{query.status === "active" ? "，最早提交的排在前面" : ""}
      </p>
      {tickets.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-slate-600 shadow-sm ring-1 ring-slate-200">没有符合条件的工单。</p>
      ) : (
        <DataTable
          label="工单列表"
          caption={`问题工单（${TICKET_STATUS_FILTER_LABELS[query.status]}，${TICKET_AGE_FILTER_LABELS[query.age]}）`}
          minWidth="min-w-[48rem]"
          look="flush"
          className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
          columns={["问题编号", "提交时间", "已等待", "课程", "问题描述", "状态", "备注"]}
        >
          <tbody className="divide-y divide-slate-100 align-top">
            {tickets.map((t) => (
              <tr key={t.reference}>
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link
                    href={`/support/reports/${t.reference}`}
                    prefetch={false}
                    className="font-mono font-medium text-brand-700 underline underline-offset-2"
                  >
                    {t.reference}
                  </Link>
                </th>
                <td className="py-2 pr-3 tabular-nums">{formatDateTime(t.createdAt)}</td>
                <td className="py-2 pr-3">{t.status === "RESOLVED" ? "—" : formatAge(t.createdAt, now)}</td>
                <td className="py-2 pr-3">{t.courseTitle ?? "—"}</td>
                <td className="py-2 pr-3 text-slate-700">{t.excerpt}</td>
                <td className="py-2 pr-3">
                  <TicketStatusBadge status={t.status} />
                </td>
                <td className="py-2 tabular-nums">{t.noteCount}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {pageCount > 1 ? (
        <Pagination
          page={query.page}
          pageCount={pageCount}
          hrefFor={(page) => `/support/reports${queryString({ status: query.status, age: query.age }, page)}`}
        />
      ) : null}
    </div>
  );
}
