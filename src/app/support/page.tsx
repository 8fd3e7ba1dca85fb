import { LookupPanel } from "@/components/support/lookup-panel";
import { requireStaff } from "@/server/auth/session";
import { listLookupDistricts } from "@/server/support/list-lookup-districts";

export const metadata = { title: "查找学员" };

export default async function SupportLookupPage() {
  await requireStaff("support.use");
  const districts = await listLookupDistricts();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-brand-900">查找学员</h1>
        <p className="mt-1 text-sm leading-relaxed text-slate-600">
          请优先使用学员提供的问题编号查找。按身份证号或姓名查找时须填写查询原因；每次查询都会记入审计日志，查询结果在 4
          小时内可用于查看该学员的播放记录。为保护个人信息，身份证号只显示部分数字。
        </p>
      </header>
      <LookupPanel districts={districts} />
    </div>
  );
}
