import Link from "next/link";
import { CategoryBadge } from "@/components/courses/category-badge";
import { CourseStatusBadge } from "@/components/courses/status-badge";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { formatHours } from "@/domain/credits";
import { queryString } from "@/lib/query-string";
import { requireLearner } from "@/server/auth/session";
import { listCatalogue, ZCatalogueQuery } from "@/server/courses/list-catalogue";

export const metadata = { title: "选课中心" };

export default async function CataloguePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const learner = await requireLearner();
  const query = ZCatalogueQuery.parse(await searchParams);
  const { courses, total, pageCount } = await listCatalogue(learner.id, query);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold text-brand-900">选课中心</h1>
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
        role="search"
      >
        <SelectField name="category" label="科目类别" defaultValue={query.category ?? ""}>
          <option value="">全部</option>
          <option value="PROFESSIONAL">专业科目</option>
          <option value="PUBLIC">公需科目</option>
        </SelectField>
        <TextField
          name="q"
          label="课程名称"
          type="search"
          defaultValue={query.q ?? ""}
          placeholder="输入关键词"
          className="min-w-48 flex-1"
        />
        <button type="submit" className="rounded-lg bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
          查询
        </button>
      </form>

      <p className="text-sm text-slate-600" aria-live="polite">
        共 {total} 门课程
      </p>
      {courses.length === 0 ? (
        <p className="rounded-xl bg-white p-8 text-center text-slate-600 ring-1 ring-slate-200">
          没有找到符合条件的课程。
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {courses.map((course) => (
            <li key={course.id} className="flex flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <div className="flex items-center justify-between gap-2">
                <CategoryBadge category={course.category} />
                <CourseStatusBadge status={course.status} />
              </div>
              <h2 className="mt-3 font-semibold text-slate-900">
                <Link href={`/courses/${course.id}`} className="hover:text-brand-700 hover:underline">
                  {course.title}
                </Link>
              </h2>
              <p className="mt-2 line-clamp-3 flex-1 text-sm leading-relaxed text-slate-600">{course.description}</p>
              <p className="mt-3 text-sm text-slate-700">
                <strong className="text-brand-800">{course.credits}</strong> 学分 · {formatHours(course.hours)} 学时 ·{" "}
                {course.lessonCount} 讲
              </p>
            </li>
          ))}
        </ul>
      )}

      {pageCount > 1 ? (
        <Pagination
          page={query.page}
          pageCount={pageCount}
          hrefFor={(page) => `/courses${queryString({ category: query.category, q: query.q }, page)}`}
        />
      ) : null}
    </div>
  );
}
