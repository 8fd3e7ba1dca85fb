import Link from "next/link";
import { CourseForm } from "@/components/admin/courses/course-form";
import { createCourse } from "@/server/actions/courses";
import { requireStaff } from "@/server/auth/session";

export const metadata = { title: "新建课程" };

export default async function NewCoursePage() {
  await requireStaff("catalogue.edit");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/courses" className="text-brand-700 hover:underline">
          ← 课程管理
        </Link>
      </p>
      <h1 className="text-2xl font-semibold text-brand-900">新建课程</h1>
      <section className="max-w-2xl rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p className="mb-5 text-sm text-slate-600">
          新课程保存为草稿，学员看不到；添加课时和题目后即可发布。考试规则使用默认值，创建后可以修改。
        </p>
        <CourseForm action={createCourse} />
      </section>
    </div>
  );
}
