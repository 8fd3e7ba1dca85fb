import { LEARNER_COURSE_STATUS_LABELS, type LearnerCourseStatus } from "@/domain/courses";

const TONE: Record<LearnerCourseStatus, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-700",
  STUDYING: "bg-blue-50 text-blue-800 ring-1 ring-blue-200",
  EXAM_PENDING: "bg-amber-50 text-amber-900 ring-1 ring-amber-200",
  CREDITED: "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200",
};

export function CourseStatusBadge({ status }: { status: LearnerCourseStatus }) {
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-medium ${TONE[status]}`}>
      {LEARNER_COURSE_STATUS_LABELS[status]}
    </span>
  );
}
