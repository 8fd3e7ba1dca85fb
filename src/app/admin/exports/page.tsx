import type { Metadata } from "next";
import { BatchTable } from "@/components/admin/exports/batch-table";
import { CreateBatchForm } from "@/components/admin/exports/create-batch-form";
import { obligationYears, RULES_START_YEAR } from "@/domain/credits";
import { currentYear } from "@/lib/time";
import { requireStaff } from "@/server/auth/session";
import { listExportBatches } from "@/server/exports/list-export-batches";
import { listRejectedLines } from "@/server/exports/list-rejected-lines";
import { RejectedLines } from "@/components/admin/exports/rejected-lines";

export const metadata: Metadata = { title: "省系统报送" };

export default async function ExportsPage() {
  const staff = await requireStaff("exports.read");
  const city = staff.role === "CITY_ADMIN";
  const [batches, rejected] = await Promise.all([listExportBatches(staff), listRejectedLines(staff)]);
  const now = currentYear();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-brand-900">报送湖北省会计人员管理系统</h1>
        <p className="mt-1 text-sm leading-relaxed text-slate-600">
          {city
            ? "已完成年度的学员按批次报送省系统：生成批次，下载文件，上传省系统后在此“记录上报”（学员此后看到“报送中”）。文件含完整身份证号，请妥善保管。"
            : "报送由市会计考办统一进行。此处可下载各批次中本区学员的名单（含完整身份证号，请妥善保管）。"}
        </p>
      </div>
      {city ? <CreateBatchForm years={obligationYears(RULES_START_YEAR, now)} defaultYear={now} /> : null}
      <section aria-labelledby="batches" className="space-y-3">
        <h2 id="batches" className="text-lg font-semibold">
          报送批次
        </h2>
        <BatchTable batches={batches} districtCopy={!city} />
      </section>
      <section aria-labelledby="rejected" className="space-y-3">
        <h2 id="rejected" className="text-lg font-semibold">
          省系统退回
        </h2>
        <p className="text-sm text-slate-600">
          省系统回执中退回的学员：请核对并修改其信息（学员管理），修改后将自动进入下一批次重新报送。
        </p>
        <RejectedLines lines={rejected} />
      </section>
    </div>
  );
}
