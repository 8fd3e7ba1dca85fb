import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { DiagnosticsView } from "@/components/support/diagnostics-view";
import { SessionsTable } from "@/components/support/sessions-table";
import { TicketActions } from "@/components/support/ticket-actions";
import { TicketStatusBadge } from "@/components/support/ticket-status-badge";
import { formatAge, TICKET_STATUS_LABELS } from "@/domain/support/tickets";
import { formatDateTime } from "@/lib/time";
import { requireStaff } from "@/server/auth/session";
import { clientAddress } from "@/server/request/client-address";
import { findTicket } from "@/server/support/find-ticket";

export const metadata: Metadata = { title: "问题工单" };

const CARD = "rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200";

// One problem report as a ticket. Opening it is audited (the reference is the reason).
export default async function TicketPage({ params }: { params: Promise<{ reference: string }> }) {
  const staff = await requireStaff("support.use");
  const [{ reference }, requestHeaders] = await Promise.all([params, headers()]);
  const now = new Date();
  const ticket = await findTicket(staff, reference, clientAddress(requestHeaders), now);
  if (!ticket) notFound();
  const { learner } = ticket;
  return (
    <div className="space-y-6">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <Link href="/support/reports" className="hover:underline">
          问题工单
        </Link>{" "}
        / <span>{ticket.reference}</span>
      </nav>
      <header className={`${CARD} space-y-2`}>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold text-brand-900">
            问题 <span className="font-mono">{ticket.reference}</span>
          </h1>
          <TicketStatusBadge status={ticket.status} />
        </div>
        <p aria-live="polite" className="sr-only">
          当前状态：{TICKET_STATUS_LABELS[ticket.status]}
        </p>
        <p className="text-sm text-slate-600">
          提交于 {formatDateTime(ticket.createdAt)}
          {ticket.resolvedAt
            ? `，解决于 ${formatDateTime(ticket.resolvedAt)}`
            : `，已等待 ${formatAge(ticket.createdAt, now)}`}
        </p>
        <p className="text-sm text-slate-700">
          {[ticket.courseTitle, ticket.lessonTitle].filter(Boolean).join(" · ") || "未关联课程"}
        </p>
      </header>

      <section aria-labelledby="learner-title" className={`${CARD} space-y-2`}>
        <h2 id="learner-title" className="text-lg font-semibold">
          学员
        </h2>
        <p className="text-sm">
          <span className="font-medium">{learner.name}</span>
          <span className="ml-3 font-mono text-slate-600">{learner.idNumberMasked}</span>
          <span className="ml-3 text-slate-600">{learner.districtName}</span>
          {learner.active ? null : <span className="ml-2 text-red-700">（账号已停用）</span>}
        </p>
        {ticket.phone ? <p className="text-sm">联系电话：{ticket.phone}</p> : null}
        <blockquote className="whitespace-pre-wrap border-l-4 border-slate-200 pl-3 text-sm text-slate-800">
          {ticket.description}
        </blockquote>
      </section>

      <section aria-labelledby="diagnostics-title" className={`${CARD} space-y-3`}>
        <h2 id="diagnostics-title" className="text-lg font-semibold">
          播放环境检测
        </h2>
        <DiagnosticsView diagnostics={ticket.diagnostics} />
      </section>

      <section aria-labelledby="sessions-title" className={`${CARD} space-y-3`}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="sessions-title" className="text-lg font-semibold">
            该学员最近的播放记录
          </h2>
          <Link
            href={`/support/learners/${learner.id}?report=${ticket.reference}`}
            prefetch={false}
            className="text-sm font-medium text-brand-700 underline underline-offset-2"
          >
            查看全部播放记录和错误
          </Link>
        </div>
        <SessionsTable sessions={ticket.sessions} caption={`${learner.name} 最近的播放记录`} />
      </section>

      <section aria-labelledby="handling-title" className={`${CARD} space-y-4`}>
        <h2 id="handling-title" className="text-lg font-semibold">
          处理
        </h2>
        {ticket.resolution ? (
          <p className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900">处理结果：{ticket.resolution}</p>
        ) : null}
        {ticket.notes.length > 0 ? (
          <ol className="space-y-2" aria-label="处理记录">
            {ticket.notes.map((note) => (
              <li key={note.id} className="rounded-lg bg-slate-50 p-3 text-sm">
                <p className="text-xs text-slate-500">
                  {formatDateTime(note.createdAt)} · {note.author}
                </p>
                <p className="mt-1 whitespace-pre-wrap text-slate-800">{note.body}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-600">暂无处理记录。</p>
        )}
        <TicketActions key={ticket.status} reference={ticket.reference} status={ticket.status} />
      </section>
    </div>
  );
}
