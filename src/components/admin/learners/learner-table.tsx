import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { QUALIFICATION_LABELS } from "@/domain/learners";
import { todayInShanghai } from "@/lib/time";
import type { listLearners } from "@/server/learners/list-learners";
import { LearnerStatusBadge, YearProgressBadge } from "./badges";

type Row = Awaited<ReturnType<typeof listLearners>>["rows"][number];

/** One page of learners with their state in the chosen year; ID numbers masked. */
export function LearnerTable({ rows, year }: { rows: Row[]; year: number }) {
  if (rows.length === 0) return <p className="py-6 text-center text-slate-600">没有符合条件的学员。</p>;
  return (
    <DataTable
      label="学员列表"
      caption={`学员列表（${year} 年度完成情况）`}
      minWidth="min-w-[56rem]"
      shadedHead
      columns={["姓名", "身份证号", "所属区", "工作单位", "资格", "起始年度", "登记日期", `${year} 年完成情况`, "状态"]}
    >
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
            <td className="px-3 py-2 whitespace-nowrap tabular-nums">{todayInShanghai(row.registeredAt)}</td>
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
    </DataTable>
  );
}
