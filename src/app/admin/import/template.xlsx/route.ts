import { buildImportTemplate } from "@/server/import/build-import-template";
import { listRegistrationDistricts } from "@/server/learners/list-registration-districts";
import { authorizeStaffRequest, refusedDownload } from "@/server/staff/authorize-staff-request";

export const dynamic = "force-dynamic";

// The import template, listing the districts this administrator may register learners in.
export async function GET(): Promise<Response> {
  const authorized = await authorizeStaffRequest("learners.import");
  if (!authorized.ok) return refusedDownload(authorized);
  const { staff } = authorized;
  const districts = await listRegistrationDistricts(staff);
  const body = await buildImportTemplate(districts.map((d) => d.name));
  return new Response(body, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="import-template.xlsx"; filename*=UTF-8''${encodeURIComponent("信息采集导入模板.xlsx")}`,
      "cache-control": "no-store",
    },
  });
}
