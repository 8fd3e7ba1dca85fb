import type { ReactNode } from "react";

/** A column heading, with classes of its own where it differs (a right-aligned figure). */
export type DataTableColumn = string | { label: string; className: string };

const LOOKS = {
  /** Administration tables: every cell padded on both sides. */
  padded: {
    head: "border-b border-slate-200 text-slate-600",
    cell: "px-3 py-2 text-left font-medium whitespace-nowrap",
  },
  /** Support and learner tables: the first column flush with the card's edge. */
  flush: { head: "border-b border-slate-200 text-slate-500", cell: "py-2 pr-3 font-medium" },
} as const;

/**
 * The frame of a wide table: a scroll region that keyboard users can focus to scroll it (named by
 * `label`), the table with its caption for screen readers, and the column headings. The rows
 * (`<tbody>`) are the caller's.
 */
export function DataTable({
  label,
  caption,
  columns,
  minWidth,
  look = "padded",
  shadedHead = false,
  className = "",
  children,
}: {
  label: string;
  caption: ReactNode;
  columns: readonly DataTableColumn[];
  /** A min-w-[…] class: below it the region scrolls instead of squeezing the columns. */
  minWidth: string;
  look?: keyof typeof LOOKS;
  shadedHead?: boolean;
  /** Classes of the scroll region (its margin). */
  className?: string;
  children: ReactNode;
}) {
  const { head, cell } = LOOKS[look];
  return (
    <div className={`overflow-x-auto ${className}`} tabIndex={0} role="region" aria-label={label}>
      <table className={`w-full ${minWidth} text-left text-sm`}>
        <caption className="sr-only">{caption}</caption>
        <thead className={`${head} ${shadedHead ? "bg-slate-50" : ""}`}>
          <tr>
            {columns.map((column) => {
              const { label: heading, className: own } =
                typeof column === "string" ? { label: column, className: "" } : column;
              return (
                <th key={heading} scope="col" className={`${cell} ${own}`}>
                  {heading}
                </th>
              );
            })}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
