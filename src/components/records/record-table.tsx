import type { ReactNode } from "react";

/**
 * A table of the study record: on a phone it scrolls sideways within its own focusable region
 * (never the page), printed it takes the page's width and repeats its header row on every page.
 */
export function RecordTable({
  label,
  columns,
  children,
}: {
  label: string;
  /** Header cells; `end` aligns a figure column to the right. */
  columns: readonly { label: string; end?: boolean }[];
  children: ReactNode;
}) {
  return (
    <div className="mt-3 overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={label}>
      <table className="w-full min-w-[36rem] text-left text-sm print:min-w-0 print:text-xs">
        <caption className="sr-only">{label}</caption>
        <thead className="border-b border-slate-200 text-slate-500 print:border-black">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`py-2 font-medium ${column.end ? "text-right" : "pr-3"}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 print:divide-slate-400">{children}</tbody>
      </table>
    </div>
  );
}
