import type { Metadata } from "next";
import Link from "next/link";
import { RegisterLearnerForm } from "@/components/admin/learners/register-learner-form";
import { currentYear } from "@/lib/time";
import { requireStaff } from "@/server/auth/session";
import { listRegistrationDistricts } from "@/server/learners/list-registration-districts";

export const metadata: Metadata = { title: "信息采集" };

export default async function RegisterLearnerPage() {
  const staff = await requireStaff("learners.manage");
  const districts = await listRegistrationDistricts(staff);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-brand-900">信息采集</h1>
        <p className="mt-1 max-w-3xl text-sm leading-relaxed text-slate-600">
          核对学员的单位工作证明、会计专业技术资格证书等材料后登记。登记后学员即可凭身份证号和姓名登录学习。
          人数较多时请使用
          <Link href="/admin/import" className="text-brand-700 underline">
            批量导入
          </Link>
          。
        </p>
      </header>
      <section aria-label="登记学员" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <RegisterLearnerForm districts={districts} defaultStartYear={currentYear()} />
      </section>
    </div>
  );
}
