import { LEARNER_STATUS_LABELS, YEAR_PROGRESS_LABELS, type YearProgress } from "@/domain/learners";

const PROGRESS_STYLE: Record<YearProgress, string> = {
  COMPLETE: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  INCOMPLETE: "bg-amber-50 text-amber-900 ring-amber-200",
  NOT_STARTED: "bg-slate-100 text-slate-700 ring-slate-200",
  NOT_APPLICABLE: "bg-white text-slate-500 ring-slate-200",
};

const BADGE = "inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

export function YearProgressBadge({ progress }: { progress: YearProgress }) {
  return <span className={`${BADGE} ${PROGRESS_STYLE[progress]}`}>{YEAR_PROGRESS_LABELS[progress]}</span>;
}

export function LearnerStatusBadge({ status }: { status: keyof typeof LEARNER_STATUS_LABELS }) {
  const style =
    status === "ACTIVE" ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-red-50 text-red-800 ring-red-200";
  return <span className={`${BADGE} ${style}`}>{LEARNER_STATUS_LABELS[status]}</span>;
}
