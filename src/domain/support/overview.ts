// The overview's charts: the largest groups of a window, the rest summed into 其他.

export interface Tally {
  label: string;
  day: number;
  week: number;
}

export type OverviewWindow = "day" | "week";

export const OVERVIEW_WINDOW_LABELS: Record<OverviewWindow, string> = { day: "近24小时", week: "近7天" };

/** Bars of one window: the `top` largest non-empty groups, then 其他 for whatever remains of `total`. */
export function chartRows(
  tallies: readonly Tally[],
  total: number,
  window: OverviewWindow,
  top: number,
): { label: string; value: number }[] {
  const rows = tallies
    .map((t) => ({ label: t.label, value: t[window] }))
    .filter((r) => r.value > 0)
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, "zh-CN"))
    .slice(0, top);
  const rest = total - rows.reduce((sum, r) => sum + r.value, 0);
  return rest > 0 ? [...rows, { label: "其他", value: rest }] : rows;
}
