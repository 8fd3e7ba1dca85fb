import { buildImportTemplateCsv } from "@/server/import/build-import-template-csv";
import { authorizeStaffRequest, refusedDownload } from "@/server/staff/authorize-staff-request";

export const dynamic = "force-dynamic";

// The CSV import template: the header line, UTF-8 with a byte-order mark for Excel.
export async function GET(): Promise<Response> {
  const authorized = await authorizeStaffRequest("learners.import");
  if (!authorized.ok) return refusedDownload(authorized);
  return new Response(buildImportTemplateCsv(), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="import-template.csv"; filename*=UTF-8''${encodeURIComponent("信息采集导入模板.csv")}`,
      "cache-control": "no-store",
    },
  });
}
