import { buildQuestionTemplate } from "@/server/courses/admin/build-question-template";
import { authorizeStaffRequest, refusedDownload } from "@/server/staff/authorize-staff-request";

const FILE_NAME = "题库导入模板.xlsx";

// The question-bank import template, for signed-in administrators.
export async function GET(): Promise<Response> {
  const authorized = await authorizeStaffRequest("catalogue.read");
  if (!authorized.ok) return refusedDownload(authorized);
  return new Response(await buildQuestionTemplate(), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="question-template.xlsx"; filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`,
      "cache-control": "no-store",
    },
  });
}
