// Who among the staff may do what: the one permission matrix. Server actions (`action()`'s
// `permission`), staff pages (`requireStaff`), route handlers (`authorizeStaffRequest`, the
// export download, uploads) and data functions (`requireStaffPermission`) all ask it.
// Learners and anonymous visitors are the other principal kinds: an action says `auth: "learner"`
// or `"public"`, and a learner's data functions take the learner's own id from the session.
// Which district's records a permitted administrator reaches is the district scope
// (`learnerScope`, `managesDistrict` in src/server/staff/learner-scope.ts).
import "server-only";
import type { StaffRole } from "@/generated/prisma/enums";
import { AppError, FORBIDDEN_MESSAGE } from "@/lib/errors";

const CITY = ["CITY_ADMIN"] as const satisfies readonly StaffRole[];
const ADMINS = ["CITY_ADMIN", "DISTRICT_ADMIN"] as const satisfies readonly StaffRole[];

export const STAFF_PERMISSIONS = {
  /** The admin section itself (its layout): both kinds of administrator. */
  "admin.enter": ADMINS,
  /** 完成情况 (the admin home): every district for the city office, their own for a district. */
  "completion.review": ADMINS,
  /** 学员管理: register, edit, disable, record other credits and adjustments, find by ID number (own district). */
  "learners.manage": ADMINS,
  /** Moving a learner to another district. */
  "learners.transfer": CITY,
  /** 信息采集导入 and its templates (own district). */
  "learners.import": ADMINS,
  /** The shared course catalogue, its lessons, questions and the question template: read. */
  "catalogue.read": ADMINS,
  /** The catalogue: create, edit, publish, retire, delete; lessons, videos, questions, imports. */
  "catalogue.edit": CITY,
  /** 学时证明: revoke one with a reason, or reissue a revoked one (own district). */
  "certificates.revoke": ADMINS,
  /** 省系统报送: the batches list (a district sees its lines). */
  "exports.read": ADMINS,
  /** Creating a batch. */
  "exports.create": CITY,
  /** A batch's way to the province: record its upload, withdraw it before, import the receipt. */
  "exports.report": CITY,
  /** Downloading a batch's file (full ID numbers; a district gets its own lines; audited). */
  "exports.download": ADMINS,
  /** 区联系方式: read all; edit (a district its own). */
  "districts.read": ADMINS,
  "districts.contact.edit": ADMINS,
  /** 操作日志 (a district sees what concerns its learners). */
  "audit.read": ADMINS,
  /** Staff accounts: create, disable, reset passwords, end sessions. */
  "staff.manage": CITY,
  /**
   * 技术支持: learner lookups (audited grants), problem reports, tickets, the overview. District
   * bureaus do not: playback problems are handled centrally; the city office oversees everything.
   */
  "support.use": ["SUPPORT", "CITY_ADMIN"],
  /** Changing one's own password: every staff member (the one thing before a pending change). */
  "password.change": ["CITY_ADMIN", "DISTRICT_ADMIN", "SUPPORT"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffPermission = keyof typeof STAFF_PERMISSIONS;

/** Whether a staff member of this role holds the permission. */
export function staffMay(staff: { role: StaffRole }, permission: StaffPermission): boolean {
  return (STAFF_PERMISSIONS[permission] as readonly StaffRole[]).includes(staff.role);
}

/** For data functions: refuses (FORBIDDEN) a staff member without the permission. */
export function requireStaffPermission(staff: { role: StaffRole }, permission: StaffPermission): void {
  if (!staffMay(staff, permission)) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
}
