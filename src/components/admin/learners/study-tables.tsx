import { CREDIT_CATEGORY_LABELS } from "@/domain/credits";
import { formatDateTime } from "@/lib/time";
import type { listLearnerAttempts } from "@/server/learners/list-learner-attempts";
import type { listLearnerEnrollments } from "@/server/learners/list-learner-enrollments";

type Enrollment = Awaited<ReturnType<typeof listLearnerEnrollments>>[number];
type Attempt = Awaited<ReturnType<typeof listLearnerAttempts>>[number];

const ENROLLMENT_STATUS = { STUDYING: "学习中", EXAM_PENDING: "待考试", CREDITED: "已获得学分" } as const;
const ATTEMPT_STATUS = { IN_PROGRESS: "答题中", SUBMITTED: "已交卷", EXPIRED: "超时交卷" } as const;
const TH = "px-3 py-2 text-left font-medium whitespace-nowrap";

/** Courses the learner enrolled in, with verified study progress. */
export function EnrollmentsTable({ enrollments }: { enrollments: Enrollment[] }) {
  if (enrollments.length === 0) return <p className="text-sm text-slate-600">尚未选课。</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="选课与学习进度表">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">选课与学习进度</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className={TH}>
              课程
            </th>
            <th scope="col" className={TH}>
              类别
            </th>
            <th scope="col" className={TH}>
              选课时间
            </th>
            <th scope="col" className={TH}>
              学习进度
            </th>
            <th scope="col" className={TH}>
              状态
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {enrollments.map((e) => (
            <tr key={e.id}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                {e.course.title}
                <span className="ml-1 text-xs text-slate-500">（{e.course.credits} 学分）</span>
              </th>
              <td className="px-3 py-2 whitespace-nowrap">{CREDIT_CATEGORY_LABELS[e.course.category]}</td>
              <td className="px-3 py-2 tabular-nums whitespace-nowrap text-slate-600">
                {formatDateTime(e.enrolledAt)}
              </td>
              <td className="px-3 py-2">
                <div className="flex items-center gap-2">
                  <progress
                    value={e.percent}
                    max={100}
                    className="h-2 w-24"
                    aria-label={`${e.course.title} 学习进度`}
                  />
                  <span className="tabular-nums">{e.percent}%</span>
                </div>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{ENROLLMENT_STATUS[e.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Exam attempts, newest first. */
export function AttemptsTable({ attempts }: { attempts: Attempt[] }) {
  if (attempts.length === 0) return <p className="text-sm text-slate-600">暂无考试记录。</p>;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="考试记录表">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">考试记录</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className={TH}>
              课程
            </th>
            <th scope="col" className={TH}>
              次数
            </th>
            <th scope="col" className={TH}>
              开始时间
            </th>
            <th scope="col" className={TH}>
              交卷时间
            </th>
            <th scope="col" className={TH}>
              状态
            </th>
            <th scope="col" className={`${TH} text-right`}>
              得分
            </th>
            <th scope="col" className={TH}>
              结果
            </th>
          </tr>
        </thead>
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
      </table>
    </div>
  );
}
