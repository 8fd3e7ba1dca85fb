import { CREDIT_CATEGORY_LABELS, type CreditCategory } from "@/domain/credits";

export function CategoryBadge({ category }: { category: CreditCategory }) {
  const tone = category === "PROFESSIONAL" ? "bg-indigo-50 text-indigo-800" : "bg-teal-50 text-teal-800";
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tone}`}>
      {CREDIT_CATEGORY_LABELS[category]}
    </span>
  );
}
