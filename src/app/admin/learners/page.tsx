import type { Metadata } from "next";
import Link from "next/link";
import { FindByIdNumberForm } from "@/components/admin/learners/find-by-id-form";
import { LearnerFilters } from "@/components/admin/learners/learner-filters";
import { LearnerTable } from "@/components/admin/learners/learner-table";
import { LearnerPager } from "@/components/admin/learners/learner-pager";
import { obligationYears, RULES_START_YEAR } from "@/domain/credits";
import { learnerMessages } from "@/messages/zh-CN/learners";
import { requireStaff } from "@/server/auth/session";
import { listLearners } from "@/server/learners/list-learners";
import { listRegistrationDistricts } from "@/server/learners/list-registration-districts";

export const metadata: Metadata = { title: "学员管理" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LearnersPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requireStaff("learners.manage");
  const [list, districts] = await Promise.all([
    listLearners(staff, await searchParams),
    listRegistrationDistricts(staff),
  ]);
  const { filters, year } = list;
  const query = {
    year: filters.year,
    district: filters.district,
    status: filters.status,
    qualification: filters.qualification,
    name: filters.name,
    employer: filters.employer,
    certificate: filters.certificate,
  };
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-brand-900">学员管理</h1>
          <p className="mt-1 text-sm text-slate-600">
            {learnerMessages.listCount(
              staff.role === "CITY_ADMIN" ? "全市" : (districts[0]?.name ?? "本区"),
              list.total,
              list.totalCapped,
            )}
          </p>
        </div>
        <div className="flex gap-2 text-sm">
          <Link
            href="/admin/learners/new"
            className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            信息采集
          </Link>
          <Link
            href="/admin/import"
            className="rounded-lg px-4 py-2 text-brand-800 ring-1 ring-inset ring-brand-200 hover:bg-brand-50"
          >
            批量导入
          </Link>
        </div>
      </header>
      <section aria-label="查找与筛选" className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <FindByIdNumberForm />
        <LearnerFilters
          filters={filters}
          year={year}
          years={obligationYears(RULES_START_YEAR, list.currentYear)}
          districts={staff.role === "CITY_ADMIN" ? districts : null}
        />
      </section>
      <section
        aria-label="查询结果"
        className="space-y-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200 sm:p-5"
      >
        <LearnerTable rows={list.rows} year={year} />
        <LearnerPager
          query={query}
          until={filters.until}
          previous={list.previous}
          next={list.next}
          pageSize={list.pageSize}
        />
      </section>
    </div>
  );
}
