/**
 * A horizontal bar chart drawn on the server (no client script), with the figures in a table for
 * screen readers and for reading exact values. Values are 0..max; labels in Chinese.
 */
export function BarChart({
  title,
  rows,
  max,
  format = (v) => String(v),
}: {
  title: string;
  rows: { label: string; value: number; note?: string }[];
  max?: number;
  format?: (value: number) => string;
}) {
  const top = max ?? Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium text-slate-800">{title}</figcaption>
      <div aria-hidden className="space-y-1.5">
        {rows.map((row) => (
          <div key={row.label} className="grid grid-cols-[7rem_1fr_4rem] items-center gap-2 text-xs">
            <span className="truncate text-slate-600">{row.label}</span>
            <span className="h-3 rounded bg-slate-100">
              <span
                className="block h-3 rounded bg-brand-600"
                style={{ width: `${Math.min(100, (row.value / top) * 100)}%` }}
              />
            </span>
            <span className="text-right tabular-nums text-slate-700">{format(row.value)}</span>
          </div>
        ))}
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>
                {format(row.value)}
                {row.note ? `（${row.note}）` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
