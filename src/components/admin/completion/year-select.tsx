/**
 * The year to review, as a plain GET form (works without script): 2018 to the current year,
 * newest first.
 */
export function YearSelect({
  years,
  selected,
  action,
  label = "年度",
}: {
  years: readonly number[];
  selected: number;
  action: string;
  label?: string;
}) {
  return (
    <form method="get" action={action} className="flex items-end gap-2">
      <label className="text-sm text-slate-700">
        <span className="block">{label}</span>
        <select
          name="year"
          defaultValue={selected}
          className="mt-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900"
        >
          {[...years].reverse().map((year) => (
            <option key={year} value={year}>
              {year} 年度
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-lg px-4 py-2 text-sm font-medium text-brand-800 ring-1 ring-brand-200 hover:bg-brand-50"
      >
        查看
      </button>
    </form>
  );
}
