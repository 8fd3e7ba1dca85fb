import type { CourseStatus } from "@/domain/course-admin";
import { deleteCourse, publishCourse, retireCourse } from "@/server/actions/courses";
import { ActionButton } from "./action-button";

/**
 * 发布 / 下架 / 删除, as the course's state allows: publishing lists what is missing; a course
 * with learners cannot be deleted, only retired.
 */
export function CourseStatusActions({
  courseId,
  status,
  blockers,
  enrollmentCount,
}: {
  courseId: string;
  status: CourseStatus;
  blockers: string[];
  enrollmentCount: number;
}) {
  const fields = { courseId };
  return (
    <div className="space-y-3">
      {status !== "PUBLISHED" && blockers.length > 0 ? (
        <div className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <p className="font-medium">发布前还需要：</p>
          <ul className="mt-1 list-inside list-disc">
            {blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap items-start gap-3">
        {status !== "PUBLISHED" ? (
          <ActionButton
            action={publishCourse}
            fields={fields}
            variant="primary"
            label={status === "RETIRED" ? "重新发布" : "发布课程"}
            pendingLabel="正在发布…"
            confirm={status === "RETIRED" ? "重新发布后，所有学员都能在选课中心看到该课程。确定吗？" : undefined}
          />
        ) : (
          <ActionButton
            action={retireCourse}
            fields={fields}
            label="下架课程"
            pendingLabel="正在下架…"
            confirm="下架后新学员不能再选修该课程，已选修的学员可以继续学习和考试。确定下架吗？"
          />
        )}
        {enrollmentCount === 0 ? (
          <ActionButton
            action={deleteCourse}
            fields={fields}
            variant="ghost"
            label="删除课程"
            pendingLabel="正在删除…"
            confirm="删除后课程及其课时、题库都将不可恢复。确定删除吗？"
          />
        ) : null}
      </div>
      {enrollmentCount > 0 ? (
        <p className="text-xs text-slate-500">已有 {enrollmentCount} 名学员选修该课程：不能删除，如不再开放请下架。</p>
      ) : null}
    </div>
  );
}
