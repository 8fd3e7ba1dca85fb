import { DataTable } from "@/components/ui/data-table";
import { CREDIT_CATEGORY_LABELS } from "@/domain/credits";
import { formatDateTime } from "@/lib/time";
import type { listLearnerAttempts } from "@/server/learners/list-learner-attempts";
import type { listLearnerEnrollments } from "@/server/learners/list-learner-enrollments";

type Enrollment = Awaited<ReturnType<typeof listLearnerEnrollments>>[number];
type Attempt = Awaited<ReturnType<typeof listLearnerAttempts>>[number];

const ENROLLMENT_STATUS = { STUDYING: "学习中", EXAM_PENDING: "待考试", CREDITED: "已获得学分" } as const;
const ATTEMPT_STATUS = { IN_PROGRESS: "答题中", SUBMITTED: "已交卷", EXPIRED: "超时交卷" } as const;

/** Courses the learner enrolled in, with verified study progress. */
export function EnrollmentsTable({ enrollments }: { enrollments: Enrollment[] }) {
  if (enrollments.length === 0) return <p className="text-sm text-slate-600">尚未选课。</p>;
  return (
    <DataTable
      label="选课与学习进度表"
      caption="选课与学习进度"
      minWidth="min-w-[40rem]"
      columns={["课程", "类别", "选课时间", "学习进度", "状态"]}
    >
      <tbody className="divide-y divide-slate-100">
        {enrollments.map((e) => (
          <tr key={e.id}>
            <th scope="row" className="px-3 py-2 text-left font-normal">
              {e.course.title}
              <span className="ml-1 text-xs text-slate-500">（{e.course.credits} 学分）</span>
            </th>
            <td className="px-3 py-2 whitespace-nowrap">{CREDIT_CATEGORY_LABELS[e.course.category]}</td>
            <td className="px-3 py-2 tabular-nums whitespace-nowrap text-slate-600">{formatDateTime(e.enrolledAt)}</td>
            <td className="px-3 py-2">
              <div className="flex items-center gap-2">
                <progress value={e.percent} max={100} className="h-2 w-24" aria-label={`${e.course.title} 学习进度`} />
                <span className="tabular-nums">{e.percent}%</span>
              </div>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{ENROLLMENT_STATUS[e.status]}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** Exam attempts, newest first. */
export function AttemptsTable({ attempts }: { attempts: Attempt[] }) {
  if (attempts.length === 0) return <p className="text-sm text-slate-600">暂无考试记录。</p>;
  return (
    <DataTable
      label="考试记录表"
      caption="考试记录"
      minWidth="min-w-[40rem]"
      columns={["课程", "次数", "开始时间", "交卷时间", "状态", { label: "得分", className: "text-right" }, "结果"]}
    >
      <tbody className="divide-y divide-slate-100">
        {attempts.map((a) => (
          <tr key={a.id}>
            <th scope="row" className="px-3 py-2 text-left font-normal">
              {a.enrollment.course.title}
            </th>
            <td className="px-3 py-2 tabular-nums whitespace-nowrap">
              第 {a.number} 次{a.cycle > 1 ? `（第 ${a.cycle} 轮）` : ""}
            </td>
            <td className="px-3 py-2 tabular-nums whitespace-nowrap text-slate-600">{formatDateTime(a.startedAt)}</td>
            <td className="px-3 py-2 tabular-nums whitespace-nowrap text-slate-600">
              {a.gradedAt ? formatDateTime(a.gradedAt) : "—"}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{ATTEMPT_STATUS[a.status]}</td>
            <td className="px-3 py-2 text-right tabular-nums">{a.score ?? "—"}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              {a.passed === null ? (
                "—"
              ) : a.passed ? (
                <span className="text-emerald-700">通过</span>
              ) : (
                <span className="text-red-700">未通过</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
