import { getCurrentStaff } from "@/server/auth/session";
import { buildQuestionTemplate } from "@/server/courses/admin/build-question-template";
import { ADMIN_ROLES } from "@/server/staff/learner-scope";

const FILE_NAME = "题库导入模板.xlsx";

// The question-bank import template, for signed-in administrators.
export async function GET(): Promise<Response> {
  const staff = await getCurrentStaff();
  if (!staff || staff.mustChangePassword || !ADMIN_ROLES.some((role) => role === staff.role)) {
    return new Response("Forbidden", { status: 403 });
  }
  return new Response(await buildQuestionTemplate(), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="question-template.xlsx"; filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`,
      "cache-control": "no-store",
    },
  });
}
