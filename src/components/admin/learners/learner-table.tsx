import Link from "next/link";
import { QUALIFICATION_LABELS } from "@/domain/learners";
import type { listLearners } from "@/server/learners/list-learners";
import { LearnerStatusBadge, YearProgressBadge } from "./badges";

type Row = Awaited<ReturnType<typeof listLearners>>["rows"][number];

const TH = "px-3 py-2 text-left font-medium whitespace-nowrap";

/** One page of learners with their state in the chosen year; ID numbers masked. */
export function LearnerTable({ rows, year }: { rows: Row[]; year: number }) {
  if (rows.length === 0) return <p className="py-6 text-center text-slate-600">没有符合条件的学员。</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="学员列表">
      <table className="w-full min-w-[50rem] text-sm">
        <caption className="sr-only">学员列表（{year} 年度完成情况）</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className={TH}>
              姓名
            </th>
            <th scope="col" className={TH}>
              身份证号
            </th>
            <th scope="col" className={TH}>
              所属区
            </th>
            <th scope="col" className={TH}>
              工作单位
            </th>
            <th scope="col" className={TH}>
              资格
            </th>
            <th scope="col" className={TH}>
              起始年度
            </th>
            <th scope="col" className={TH}>
              {year} 年完成情况
            </th>
            <th scope="col" className={TH}>
              状态
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/admin/learners/${row.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                  {row.name}
                </Link>
              </th>
              <td className="px-3 py-2 font-mono text-xs tabular-nums text-slate-700">{row.idNumberMasked}</td>
              <td className="px-3 py-2 whitespace-nowrap">{row.district.name}</td>
              <td className="max-w-[16rem] truncate px-3 py-2" title={row.employer}>
                {row.employer}
              </td>
              <td className="px-3 py-2">{QUALIFICATION_LABELS[row.qualification]}</td>
              <td className="px-3 py-2 tabular-nums">{row.startYear}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                <YearProgressBadge progress={row.year.progress} />
                <span className="ml-2 text-xs tabular-nums text-slate-600">
                  {row.year.totalCredits} 学分（专业 {row.year.professionalCredits}）
                </span>
              </td>
              <td className="px-3 py-2">
                <LearnerStatusBadge status={row.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
