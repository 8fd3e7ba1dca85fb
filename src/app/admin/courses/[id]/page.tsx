import { notFound } from "next/navigation";
import { CourseForm } from "@/components/admin/courses/course-form";
import { CourseStatusActions } from "@/components/admin/courses/course-status-actions";
import { ExamSettingsForm } from "@/components/admin/courses/exam-settings-form";
import { COURSE_STATUS_LABELS } from "@/domain/course-admin";
import { CREDIT_CATEGORY_LABELS } from "@/domain/credits";
import { formatDateTime } from "@/lib/time";
import { updateCourse, updateExamSettings } from "@/server/actions/courses";
import { requireStaff } from "@/server/auth/session";
import { findAdminCourse, type AdminCourse } from "@/server/courses/admin/find-admin-course";

export const metadata = { title: "课程信息" };

const card = "rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200";

export default async function AdminCoursePage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff("catalogue.read");
  const course = await findAdminCourse(staff, (await params).id);
  if (!course) notFound();
  if (staff.role !== "CITY_ADMIN") return <ReadOnlyCourse course={course} />;

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <section aria-labelledby="course-info" className={card}>
        <h2 id="course-info" className="mb-5 text-lg font-semibold text-slate-900">
          课程信息
        </h2>
        <CourseForm
          action={updateCourse}
          course={{
            id: course.id,
            title: course.title,
            category: course.category,
            credits: course.credits,
            description: course.description,
            coverUrl: course.coverUrl,
          }}
          termsLocked={course.termsLocked}
        />
      </section>
      <div className="space-y-6">
        <section aria-labelledby="course-status" className={card}>
          <h2 id="course-status" className="mb-3 text-lg font-semibold text-slate-900">
            发布状态：{COURSE_STATUS_LABELS[course.status]}
          </h2>
          <CourseStatusActions
            courseId={course.id}
            status={course.status}
            blockers={course.publishBlockers}
            enrollmentCount={course.enrollmentCount}
          />
        </section>
        <section aria-labelledby="exam-settings" className={card}>
          <h2 id="exam-settings" className="mb-5 text-lg font-semibold text-slate-900">
            考试规则
          </h2>
          <ExamSettingsForm
            action={updateExamSettings}
            courseId={course.id}
            values={{
              examQuestionCount: course.examQuestionCount,
              examPassScore: course.examPassScore,
              examTimeLimitMinutes: course.examTimeLimitMinutes,
              examMaxAttempts: course.examMaxAttempts,
            }}
            activeQuestionCount={course.activeQuestionCount}
          />
        </section>
      </div>
    </div>
  );
}

/** District administrators read the shared catalogue: the same facts, no controls. */
function ReadOnlyCourse({ course }: { course: AdminCourse }) {
  const facts: [string, string][] = [
    ["科目类别", CREDIT_CATEGORY_LABELS[course.category]],
    ["学分", String(course.credits)],
    ["状态", COURSE_STATUS_LABELS[course.status]],
    ["发布时间", course.publishedAt ? formatDateTime(course.publishedAt) : "未发布"],
    ["每份试卷题数", `${course.examQuestionCount} 道`],
    ["及格分数", `${course.examPassScore} 分`],
    ["考试时长", `${course.examTimeLimitMinutes} 分钟`],
    ["考试次数", `${course.examMaxAttempts} 次`],
  ];
  return (
    <section aria-labelledby="course-info" className={card}>
      <h2 id="course-info" className="mb-4 text-lg font-semibold text-slate-900">
        课程信息
      </h2>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt className="text-slate-500">{term}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mt-6 text-sm text-slate-500">课程简介</h3>
      <p className="mt-1 whitespace-pre-line text-sm leading-relaxed text-slate-800">{course.description}</p>
    </section>
  );
}
