import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { StaffRole } from "@/generated/prisma/enums";
import { getDb } from "@/server/db";
import { staffMay, type StaffPermission } from "@/server/policy/staff-permissions";
import { readSession } from "./config";

/** The signed-in principal of this request (one cookie decode per request). */
export const getSession = cache(readSession);

const learnerSelect = {
  id: true,
  name: true,
  idNumberMasked: true,
  startYear: true,
  districtId: true,
  district: { select: { name: true } },
} as const;

/**
 * The signed-in learner, or null. Checked against the database on every request, so that a
 * disabled learner's session stops working at their next request.
 */
export const getCurrentLearner = cache(async () => {
  const session = await getSession();
  if (session?.principal.kind !== "learner") return null;
  const learner = await getDb().learner.findFirst({
    where: { id: session.principal.id, status: "ACTIVE" },
    select: learnerSelect,
  });
  return learner;
});
export type CurrentLearner = NonNullable<Awaited<ReturnType<typeof getCurrentLearner>>>;

/** For learner pages: the learner, or a redirect to the login page. */
export async function requireLearner(): Promise<CurrentLearner> {
  const learner = await getCurrentLearner();
  if (!learner) redirect("/login");
  return learner;
}

/**
 * The signed-in, active staff user, or null. A learner session never counts, nor a session
 * signed in before the password was last set (changed or reset): whoever knew the old password
 * is out at their next request. Compared in whole seconds, the session's resolution.
 */
export const getCurrentStaff = cache(async () => {
  const session = await getSession();
  if (session?.principal.kind !== "staff") return null;
  const staff = await getDb().staffUser.findFirst({
    where: { id: session.principal.id, active: true },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      districtId: true,
      mustChangePassword: true,
      passwordChangedAt: true,
    },
  });
  if (!staff) return null;
  const { passwordChangedAt, ...current } = staff;
  if (passwordChangedAt && session.principal.loginAt < Math.floor(passwordChangedAt.getTime() / 1000)) return null;
  return current;
});
export type CurrentStaff = NonNullable<Awaited<ReturnType<typeof getCurrentStaff>>>;

/** Where a staff member starts: administrators in /admin, support staff in /support. */
export function staffHome(role: StaffRole): string {
  return role === "SUPPORT" ? "/support" : "/admin";
}

/**
 * For staff pages: the signed-in staff member holding `permission` (the policy's matrix). No
 * staff session: the staff login page. A password still to be changed: that first. Without the
 * permission: their own home. (The page's gate; actions and data functions check again.)
 */
export async function requireStaff(permission: StaffPermission): Promise<CurrentStaff> {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/staff/login");
  if (staff.mustChangePassword) redirect("/staff/password");
  if (!staffMay(staff, permission)) redirect(staffHome(staff.role));
  return staff;
}
