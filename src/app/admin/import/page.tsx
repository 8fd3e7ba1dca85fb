import type { Metadata } from "next";
import { ImportForm } from "@/components/admin/import/import-form";
import { IMPORT_HEADERS, MAX_IMPORT_ROWS } from "@/domain/import";
import { requireStaff } from "@/server/auth/session";

export const metadata: Metadata = { title: "批量导入" };

export default async function ImportPage() {
  const staff = await requireStaff("learners.import");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-brand-900">批量导入</h1>
        <p className="mt-1 max-w-3xl text-sm leading-relaxed text-slate-600">
          按模板填写学员信息后上传。系统先预检，列出每一行将新增、变更、无变化还是无效（附原因），确认后再一次性导入全部有效行。
          {staff.role === "DISTRICT_ADMIN" ? "您只能导入本区的学员。" : null}
        </p>
      </header>
      <section
        aria-labelledby="template-title"
        className="space-y-2 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      >
        <h2 id="template-title" className="font-semibold">
          1. 下载模板
        </h2>
        <p className="text-sm text-slate-600">
          列：{IMPORT_HEADERS.join("、")}（手机号码选填）。每个文件最多 {MAX_IMPORT_ROWS.toLocaleString("en-US")} 行。
        </p>
        <p className="flex flex-wrap gap-3 text-sm">
          {/* Plain links: downloads, not client-side navigations. */}
          <a
            href="/admin/import/template.xlsx"
            className="rounded-lg px-3 py-1.5 text-brand-800 ring-1 ring-inset ring-brand-200 hover:bg-brand-50"
            download
          >
            下载 Excel 模板（.xlsx）
          </a>
          <a
            href="/admin/import/template.csv"
            className="rounded-lg px-3 py-1.5 text-brand-800 ring-1 ring-inset ring-brand-200 hover:bg-brand-50"
            download
          >
            下载 CSV 模板
          </a>
        </p>
      </section>
      <section
        aria-labelledby="upload-title"
        className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      >
        <h2 id="upload-title" className="font-semibold">
          2. 上传并预检，确认后导入
        </h2>
        <ImportForm />
      </section>
    </div>
  );
}
