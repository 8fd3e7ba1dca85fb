import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonForm } from "@/components/admin/courses/lesson-form";
import { updateLesson } from "@/server/actions/courses";
import { requireStaff } from "@/server/auth/session";
import { findAdminLesson } from "@/server/courses/admin/find-admin-lesson";

export const metadata = { title: "修改课时" };

export default async function EditLessonPage({ params }: { params: Promise<{ id: string; lessonId: string }> }) {
  const staff = await requireStaff("catalogue.edit");
  const { id, lessonId } = await params;
  const lesson = await findAdminLesson(staff, id, lessonId);
  if (!lesson) notFound();
  return (
    <section
      aria-labelledby="lesson-edit"
      className="max-w-2xl rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200"
    >
      <h2 id="lesson-edit" className="mb-5 text-lg font-semibold text-slate-900">
        修改第 {lesson.position} 课时
      </h2>
      <LessonForm action={updateLesson} courseId={id} lesson={lesson} />
      <p className="mt-4 text-sm">
        <Link href={`/admin/courses/${id}/lessons`} className="text-brand-700 hover:underline">
          返回课时列表
        </Link>
      </p>
    </section>
  );
}
