import { COURSE_STATUS_LABELS, type CourseStatus } from "@/domain/course-admin";

const TONE: Record<CourseStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  PUBLISHED: "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200",
  RETIRED: "bg-amber-50 text-amber-900 ring-1 ring-amber-200",
};

/** 草稿 / 已发布 / 已下架 */
export function AdminCourseStatusBadge({ status }: { status: CourseStatus }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ${TONE[status]}`}>
      {COURSE_STATUS_LABELS[status]}
    </span>
  );
}
