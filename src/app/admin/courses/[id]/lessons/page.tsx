import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/courses/action-button";
import { LessonForm } from "@/components/admin/courses/lesson-form";
import { formatDurationText } from "@/domain/course-admin";
import { createLesson, deleteLesson, moveLesson } from "@/server/actions/courses";
import { requireStaff } from "@/server/auth/session";
import { findAdminCourse } from "@/server/courses/admin/find-admin-course";

export const metadata = { title: "课时管理" };

export default async function AdminLessonsPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff("catalogue.read");
  const course = await findAdminCourse(staff, (await params).id);
  if (!course) notFound();
  const canEdit = staff.role === "CITY_ADMIN";
  const canRestructure = canEdit && !course.lessonsLocked;
  const { lessons } = course;

  return (
    <div className="space-y-6">
      <section aria-labelledby="lesson-list" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="lesson-list" className="text-lg font-semibold text-slate-900">
          课时（{lessons.length}）
        </h2>
        {canEdit && course.lessonsLocked ? (
          <p className="mt-2 text-sm text-slate-600">
            已有学员选修该课程：课时可以修改，也可以在末尾添加，但不能删除或调整顺序；修改时长不会影响学员已完成的学习记录。
          </p>
        ) : null}
        {lessons.length === 0 ? (
          <p className="mt-4 text-sm text-slate-600">还没有课时。</p>
        ) : (
          <ol className="mt-4 divide-y divide-slate-100">
            {lessons.map((lesson, index) => (
              <li key={lesson.id} className="flex flex-wrap items-center gap-3 py-3">
                <span className="w-8 text-sm tabular-nums text-slate-500">{lesson.position}.</span>
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">{lesson.title}</p>
                  <p className="truncate text-xs text-slate-500">
                    {formatDurationText(lesson.durationSeconds)} · {lesson.videoUrl}
                  </p>
                </div>
                {canEdit ? (
                  <div className="flex flex-wrap items-start gap-2">
                    <Link
                      href={`/admin/courses/${course.id}/lessons/${lesson.id}`}
                      aria-label={`修改课时：${lesson.title}`}
                      className="rounded-lg px-3 py-1.5 text-sm text-brand-800 ring-1 ring-brand-200 hover:bg-brand-50"
                    >
                      修改
                    </Link>
                    {canRestructure && index > 0 ? (
                      <ActionButton
                        action={moveLesson}
                        fields={{ courseId: course.id, lessonId: lesson.id, direction: "up" }}
                        label="上移"
                        accessibleLabel={`上移课时：${lesson.title}`}
                      />
                    ) : null}
                    {canRestructure && index < lessons.length - 1 ? (
                      <ActionButton
                        action={moveLesson}
                        fields={{ courseId: course.id, lessonId: lesson.id, direction: "down" }}
                        label="下移"
                        accessibleLabel={`下移课时：${lesson.title}`}
                      />
                    ) : null}
                    {canRestructure ? (
                      <ActionButton
                        action={deleteLesson}
                        fields={{ courseId: course.id, lessonId: lesson.id }}
                        label="删除"
                        variant="ghost"
                        accessibleLabel={`删除课时：${lesson.title}`}
                        confirm={`确定删除课时“${lesson.title}”吗？`}
                      />
                    ) : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {canEdit ? (
        <section
          aria-labelledby="lesson-new"
          className="max-w-2xl rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
        >
          <h2 id="lesson-new" className="mb-5 text-lg font-semibold text-slate-900">
            添加课时
          </h2>
          <LessonForm action={createLesson} courseId={course.id} />
        </section>
      ) : null}
    </div>
  );
}
