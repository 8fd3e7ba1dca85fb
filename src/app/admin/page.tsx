import type { Metadata } from "next";
import { CompletionView } from "@/components/admin/completion/completion-view";
import { obligationYears, RULES_START_YEAR } from "@/domain/credits";
import { currentYear } from "@/lib/time";
import { requireStaff } from "@/server/auth/session";
import { getCompletionDashboard } from "@/server/completion/get-completion-dashboard";
import { findDistrictName } from "@/server/districts/find-district-name";

export const metadata: Metadata = { title: "完成情况" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The chosen year when it is one of the review years, otherwise the current year. */
function chosenYear(raw: string | string[] | undefined, years: readonly number[], fallback: number): number {
  const year = typeof raw === "string" && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return years.includes(year) ? year : fallback;
}

export default async function CompletionPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requireStaff("completion.review");
  const now = currentYear();
  const years = obligationYears(RULES_START_YEAR, now);
  const year = chosenYear((await searchParams).year, years, now);
  const [data, districtName] = await Promise.all([
    getCompletionDashboard(staff, year),
    staff.districtId !== null ? findDistrictName(staff.districtId) : null,
  ]);
  const scopeLabel = staff.role === "CITY_ADMIN" ? "全市" : (districtName ?? "本区");
  return <CompletionView data={data} years={years} scopeLabel={scopeLabel} />;
}
