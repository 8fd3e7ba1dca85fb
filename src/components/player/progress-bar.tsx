/** A labelled progress bar (role=progressbar), for a lesson or the whole course. */
export function ProgressBar({ label, percent, size = "md" }: { label: string; percent: number; size?: "sm" | "md" }) {
  const done = percent >= 100;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={done ? "已完成" : `${percent}%`}
      className={`w-full overflow-hidden rounded-full bg-slate-200 ${size === "sm" ? "h-1.5" : "h-2.5"}`}
    >
      <div
        className={`h-full rounded-full transition-[width] ${done ? "bg-emerald-600" : "bg-brand-600"}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
