import Link from "next/link";
import { shanghaiDate } from "@/domain/exports";
import type { RejectedLine } from "@/server/exports/list-rejected-lines";

/** 省系统退回: what the province rejected, for the district bureau to fix on the learner's page. */
export function RejectedLines({ lines }: { lines: RejectedLine[] }) {
  if (lines.length === 0) return <p className="text-sm text-slate-600">没有被省系统退回的记录。</p>;
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-sm">
        <caption className="sr-only">省系统退回的记录</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {["学员", "身份证号", "所属区", "年度", "批次", "退回原因", "状态"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((line) => (
            <tr key={`${line.learnerId}-${line.year}`}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <Link href={`/admin/learners/${line.learnerId}`} className="text-brand-800 underline">
                  {line.name}
                </Link>
              </th>
              <td className="px-3 py-2 font-mono text-xs">{line.idNumberMasked}</td>
              <td className="px-3 py-2">{line.districtName}</td>
              <td className="px-3 py-2">{line.year}</td>
              <td className="px-3 py-2">第 {line.batchId} 批</td>
              <td className="px-3 py-2">
                {line.reason}
                <span className="block text-xs text-slate-500">{shanghaiDate(line.answeredAt)} 退回</span>
              </td>
              <td className="px-3 py-2">
                {line.fixed ? (
                  <span className="text-emerald-800">已修改，将随下一批次重新报送</span>
                ) : (
                  <span className="font-medium text-amber-800">待修改学员信息</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
