import Link from "next/link";
import { CategoryBadge } from "@/components/courses/category-badge";
import { CourseStatusBadge } from "@/components/courses/status-badge";
import { CREDIT_CATEGORY_LABELS } from "@/domain/credits";
import type { CurrentLearner } from "@/server/auth/session";
import { getLearnerDashboard } from "@/server/dashboard/get-learner-dashboard";
import { YearCard } from "@/components/learner/year-card";

export async function Dashboard({ learner }: { learner: CurrentLearner }) {
  const { standing, years, inProgress, currentRule, reporting, certificates, missingCategory, suggestions } =
    await getLearnerDashboard(learner);
  const catchUp = standing.activeYear !== null && standing.activeYear < standing.currentYear;

  return (
    <div className="space-y-8">
      <section className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-brand-900">{learner.name}，您好</h1>
          <p className="mt-1 text-sm text-slate-600">
            身份证号 <span className="tabular-nums">{learner.idNumberMasked}</span> · {learner.district.name}
          </p>
        </div>
        <Link href="/courses" className="rounded-lg bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800">
          去选课
        </Link>
      </section>

      <section aria-labelledby="years">
        <h2 id="years" className="text-lg font-semibold">
          年度学分
        </h2>
        {years.length === 0 ? (
          <p className="mt-3 rounded-xl bg-white p-5 text-slate-700 ring-1 ring-slate-200">
            您的继续教育从 {standing.startYear} 年开始，届时即可选课学习。
          </p>
        ) : (
          <div className="mt-3 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            {[...years].reverse().map((y) => (
              <YearCard
                key={y.year}
                summary={y}
                required={y.required}
                reporting={reporting.get(y.year)}
                certificateCode={certificates.get(y.year)}
                active={y.year === standing.activeYear}
                catchUp={catchUp && y.year === standing.activeYear}
              />
            ))}
          </div>
        )}
        <p className="mt-4 rounded-lg bg-slate-100 p-4 text-sm leading-relaxed text-slate-700">
          每年须取得不少于 {currentRule.requiredTotal} 学分（{currentRule.requiredTotal / currentRule.creditsPerHour}{" "}
          学时），其中专业科目不少于 {currentRule.requiredProfessional}{" "}
          学分。学分当年有效，多出的学分不会结转到以后年度；未完成的年度须先补学完成，才能学习下一年度。
        </p>
      </section>

      <section aria-labelledby="in-progress">
        <h2 id="in-progress" className="text-lg font-semibold">
          正在学习
        </h2>
        {inProgress.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">暂无正在学习的课程。</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            {inProgress.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
                <div>
                  <p className="font-medium">{e.course.title}</p>
                  <p className="mt-1 flex items-center gap-2 text-sm text-slate-600">
                    <CategoryBadge category={e.course.category} /> {e.course.credits} 学分 · 计入 {e.creditYear} 年度
                  </p>
                  <div className="mt-2 flex items-center gap-2 text-xs text-slate-600">
                    <div
                      role="progressbar"
                      aria-label={`${e.course.title} 学习进度`}
                      aria-valuemin={0}
                      aria-valuemax={100}
                      aria-valuenow={e.percent}
                      className="h-1.5 w-32 overflow-hidden rounded-full bg-slate-100"
                    >
                      <div className="h-full rounded-full bg-brand-600" style={{ width: `${e.percent}%` }} />
                    </div>
                    已学 {e.percent}%
                  </div>
                </div>
                <div className="flex items-center gap-3">
                  <CourseStatusBadge status={e.status} />
                  <Link
                    href={e.status === "EXAM_PENDING" ? `/exams/${e.id}` : `/learn/${e.id}`}
                    className="rounded-lg px-4 py-2 text-sm font-medium text-brand-800 ring-1 ring-brand-200 hover:bg-brand-50"
                  >
                    {e.status === "EXAM_PENDING" ? "参加考试" : "继续学习"}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {missingCategory && suggestions.length > 0 ? (
        <section aria-labelledby="suggestions">
          <h2 id="suggestions" className="text-lg font-semibold">
            推荐课程{missingCategory === "PROFESSIONAL" ? `（${CREDIT_CATEGORY_LABELS.PROFESSIONAL}）` : ""}
          </h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-3">
            {suggestions.map((c) => (
              <li key={c.id} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <CategoryBadge category={c.category} />
                <p className="mt-2 font-medium">
                  <Link href={`/courses/${c.id}`} className="hover:text-brand-700 hover:underline">
                    {c.title}
                  </Link>
                </p>
                <p className="mt-1 text-sm text-slate-600">{c.credits} 学分</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
