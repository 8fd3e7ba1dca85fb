import Link from "next/link";
import { AdminCourseStatusBadge } from "@/components/admin/courses/course-status-badge";
import { CategoryBadge } from "@/components/courses/category-badge";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { COURSE_STATUS_LABELS } from "@/domain/course-admin";
import { queryString } from "@/lib/query-string";
import { requireStaff } from "@/server/auth/session";
import { listAdminCourses, ZAdminCourseQuery } from "@/server/courses/admin/list-admin-courses";

export const metadata = { title: "课程管理" };

export default async function AdminCoursesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff("catalogue.read");
  const query = ZAdminCourseQuery.parse(await searchParams);
  const { courses, total, pageCount } = await listAdminCourses(staff, query);
  const canEdit = staff.role === "CITY_ADMIN";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-brand-900">课程管理</h1>
        {canEdit ? (
          <Link
            href="/admin/courses/new"
            className="rounded-lg bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800"
          >
            新建课程
          </Link>
        ) : (
          <p className="text-sm text-slate-600">课程由市会计考办统一管理，区财政局可查看。</p>
        )}
      </div>
      <form
        method="get"
        role="search"
        className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        <SelectField name="status" label="状态" defaultValue={query.status ?? ""}>
          <option value="">全部</option>
          {(["DRAFT", "PUBLISHED", "RETIRED"] as const).map((status) => (
            <option key={status} value={status}>
              {COURSE_STATUS_LABELS[status]}
            </option>
          ))}
        </SelectField>
        <SelectField name="category" label="科目类别" defaultValue={query.category ?? ""}>
          <option value="">全部</option>
          <option value="PROFESSIONAL">专业科目</option>
          <option value="PUBLIC">公需科目</option>
        </SelectField>
        <TextField name="q" label="课程名称" type="search" defaultValue={query.q ?? ""} className="min-w-48 flex-1" />
        <button type="submit" className="rounded-lg bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
          查询
        </button>
      </form>

      <p className="text-sm text-slate-600" aria-live="polite">
        共 {total} 门课程
      </p>
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <caption className="sr-only">课程列表</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3">
                课程名称
              </th>
              <th scope="col" className="px-4 py-3">
                科目类别
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                学分
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                课时
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                题目
              </th>
              <th scope="col" className="px-4 py-3">
                状态
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                选课学员
              </th>
            </tr>
          </thead>
          <tbody>
            {courses.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-4 py-8 text-center text-slate-600">
                  没有找到符合条件的课程。
                </td>
              </tr>
            ) : (
              courses.map((course) => (
                <tr key={course.id} className="border-t border-slate-100">
                  <th scope="row" className="px-4 py-3 font-medium">
                    <Link href={`/admin/courses/${course.id}`} className="text-brand-800 hover:underline">
                      {course.title}
                    </Link>
                  </th>
                  <td className="px-4 py-3">
                    <CategoryBadge category={course.category} />
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">{course.credits}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{course.lessonCount}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{course.questionCount}</td>
                  <td className="px-4 py-3">
                    <AdminCourseStatusBadge status={course.status} />
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {course.enrollmentCount}
                    {course.enrollmentsCapped ? "+" : ""}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      {pageCount > 1 ? (
        <Pagination
          page={query.page}
          pageCount={pageCount}
          hrefFor={(page) =>
            `/admin/courses${queryString({ status: query.status, category: query.category, q: query.q }, page)}`
          }
        />
      ) : null}
    </div>
  );
}
