import Link from "next/link";
import { TICKET_STATUS_LABELS } from "@/domain/support/tickets";
import type { LookupResult } from "@/server/support/lookup-learners";

/** What a lookup found: learners with masked ID numbers, each opened through this lookup. */
export function LookupResults({ result }: { result: LookupResult }) {
  const { learners, report, lookupId } = result;
  return (
    <section aria-labelledby="lookup-results-title" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="lookup-results-title" className="text-lg font-semibold">
        查找结果
      </h2>
      <p role="status" className="mt-1 text-sm text-slate-700">
        {learners.length === 0
          ? "未找到符合条件的学员。请核对后重试；身份证号须完整输入。"
          : learners.length === 1
            ? "找到 1 名学员。"
            : `找到 ${learners.length} 名同名学员，请向来电人核实后选择。`}
      </p>
      {report ? (
        <p className="mt-3 text-sm">
          问题编号 <span className="font-mono font-semibold">{report.reference}</span>（
          {TICKET_STATUS_LABELS[report.status]}）：
          <Link
            href={`/support/reports/${report.reference}`}
            prefetch={false}
            className="ml-1 font-medium text-brand-700 underline underline-offset-2"
          >
            处理该问题
          </Link>
        </p>
      ) : null}
      {learners.length > 0 ? (
        <ul className="mt-3 divide-y divide-slate-100">
          {learners.map((learner) => (
            <li key={learner.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{learner.name}</span>
                <span className="ml-3 font-mono text-sm text-slate-600">{learner.idNumberMasked}</span>
                <span className="ml-3 text-sm text-slate-600">{learner.districtName}</span>
                {learner.active ? null : <span className="ml-2 text-sm text-red-700">（账号已停用）</span>}
              </span>
              <Link
                href={`/support/learners/${learner.id}?lookup=${lookupId}`}
                prefetch={false}
                className="text-sm font-medium text-brand-700 underline underline-offset-2"
              >
                查看{learner.name}的播放记录
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
