import { buildImportTemplate } from "@/server/import/build-import-template";
import { listRegistrationDistricts } from "@/server/learners/list-registration-districts";
import { authorizeStaffRequest } from "@/server/staff/authorize-staff-request";
import { ADMIN_ROLES } from "@/server/staff/learner-scope";

export const dynamic = "force-dynamic";

// The import template, listing the districts this administrator may register learners in.
export async function GET(): Promise<Response> {
  const staff = await authorizeStaffRequest(ADMIN_ROLES);
  if (!staff) return new Response("Forbidden", { status: 403, headers: { "cache-control": "no-store" } });
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
