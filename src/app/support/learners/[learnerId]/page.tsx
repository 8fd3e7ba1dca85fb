import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { LearnerReports } from "@/components/support/learner-reports";
import { PlayerErrorsTable } from "@/components/support/player-errors-table";
import { SessionsTable } from "@/components/support/sessions-table";
import { requireStaff } from "@/server/auth/session";
import { clientAddress } from "@/server/request/client-address";
import { getLearnerPlaybackView } from "@/server/support/get-learner-playback-view";

export const metadata: Metadata = { title: "学员播放记录" };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
const CARD = "rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200";

// What the learner's player saw. Opened from a lookup (?lookup=) or a report (?report=): each
// opening is audited with that reason, and a bare address is refused.
export default async function SupportLearnerPage({
  params,
  searchParams,
}: {
  params: Promise<{ learnerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff("support.use");
  const [{ learnerId }, query, requestHeaders] = await Promise.all([params, searchParams, headers()]);
  const view = await getLearnerPlaybackView(
    staff,
    { learnerId, lookupId: one(query.lookup), reference: one(query.report) },
    clientAddress(requestHeaders),
  );
  if (view.status === "not-found") notFound();
  if (view.status === "no-grant") {
    return (
      <div className={`${CARD} space-y-3`}>
        <h1 className="text-xl font-semibold text-brand-900">请先查找学员</h1>
        <p className="text-sm leading-relaxed text-slate-700">
          为保护学员个人信息，学员的播放记录只能通过“查找学员”或问题工单打开；查询结果在 4 小时内有效。
        </p>
        <Link href="/support" className="inline-block font-medium text-brand-700 underline underline-offset-2">
          查找学员
        </Link>
      </div>
    );
  }
  const { learner, grant, sessions, errors, reports } = view;
  return (
    <div className="space-y-6">
      <header className={CARD}>
        <h1 className="text-2xl font-semibold text-brand-900">{learner.name} 的播放记录</h1>
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <div>
            <dt className="inline text-slate-500">身份证号：</dt>
            <dd className="inline font-mono">{learner.idNumberMasked}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">所在区：</dt>
            <dd className="inline">{learner.districtName}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">账号状态：</dt>
            <dd className={`inline ${learner.active ? "" : "text-red-700"}`}>{learner.active ? "正常" : "已停用"}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">查看依据：</dt>
            <dd className="inline">
              {grant.via === "report"
                ? `问题编号 ${grant.reference}`
                : `按${grant.method}查找${grant.reason ? `（${grant.reason}）` : ""}`}
            </dd>
          </div>
        </dl>
      </header>
      <section aria-labelledby="sessions-title" className={`${CARD} space-y-3`}>
        <h2 id="sessions-title" className="text-lg font-semibold">
          最近的播放记录
        </h2>
        <p className="text-sm text-slate-600">
          “计入时间”是该次播放中服务器核验通过的学习时间；“已核验”是该章节目前累计核验到的位置。
        </p>
        <SessionsTable sessions={sessions} caption={`${learner.name} 最近的播放记录`} />
      </section>
      <section aria-labelledby="errors-title" className={`${CARD} space-y-3`}>
        <h2 id="errors-title" className="text-lg font-semibold">
          播放器自动上报的错误
        </h2>
        <PlayerErrorsTable errors={errors} />
      </section>
      <section aria-labelledby="reports-title" className={`${CARD} space-y-3`}>
        <h2 id="reports-title" className="text-lg font-semibold">
          问题报告
        </h2>
        <LearnerReports reports={reports} />
      </section>
    </div>
  );
}
