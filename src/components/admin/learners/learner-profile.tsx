import type { ReactNode } from "react";
import { GENDER_LABELS, QUALIFICATION_LABELS } from "@/domain/learners";
import { formatDateTime } from "@/lib/time";
import type { findLearnerProfile } from "@/server/learners/find-learner-profile";
import { LearnerStatusBadge } from "./badges";

type Profile = NonNullable<Awaited<ReturnType<typeof findLearnerProfile>>>;

/** The learner's registered information; the ID number masked. */
export function LearnerProfile({ learner }: { learner: Profile }) {
  const rows: [string, ReactNode][] = [
    [
      "身份证号",
      <span key="id" className="font-mono tabular-nums">
        {learner.idNumberMasked}
      </span>,
    ],
    ["性别", GENDER_LABELS[learner.gender]],
    ["出生日期", learner.birthDate.toISOString().slice(0, 10)],
    ["所属区", learner.district.name],
    ["工作单位", learner.employer],
    ["会计专业技术资格", QUALIFICATION_LABELS[learner.qualification]],
    ["手机号码", learner.mobile ?? "未登记"],
    ["起始年度", `${learner.startYear} 年`],
    ["状态", <LearnerStatusBadge key="status" status={learner.status} />],
    [
      "登记",
      `${formatDateTime(learner.registeredAt)}${learner.registeredBy ? `，${learner.registeredBy.displayName}（${learner.registeredBy.username}）` : "，系统导入"}`,
    ],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label} className="flex gap-3">
          <dt className="w-28 shrink-0 text-slate-500">{label}</dt>
          <dd className="min-w-0 break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
