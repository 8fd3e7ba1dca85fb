import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AdminCourseStatusBadge } from "@/components/admin/courses/course-status-badge";
import { CourseTabs } from "@/components/admin/courses/course-tabs";
import { CategoryBadge } from "@/components/courses/category-badge";
import { requireStaff } from "@/server/auth/session";
import { findAdminCourse } from "@/server/courses/admin/find-admin-course";

// The frame of one course's administration: its title, status and sections.
export default async function AdminCourseLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const staff = await requireStaff("catalogue.read");
  const course = await findAdminCourse(staff, (await params).id);
  if (!course) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/courses" className="text-brand-700 hover:underline">
          ← 课程管理
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-brand-900">{course.title}</h1>
        <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <CategoryBadge category={course.category} />
          <AdminCourseStatusBadge status={course.status} />
          <span>{course.credits} 学分</span>
          <span>{course.lessons.length} 个课时</span>
          <span>{course.activeQuestionCount} 道启用的题目</span>
          <span>{course.enrollmentCount} 名学员选修</span>
        </p>
      </header>
      <CourseTabs courseId={course.id} />
      {children}
    </div>
  );
}
