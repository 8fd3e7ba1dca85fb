"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createStaffAccount } from "@/server/staff/create-staff-account";
import { endStaffSessions, ZEndStaffSessionsInput } from "@/server/staff/end-staff-sessions";
import { ZCreateStaffUserInput } from "@/server/staff/create-staff-user";
import { resetStaffPassword, ZResetStaffPasswordInput } from "@/server/staff/reset-staff-password";
import { setStaffActive, ZSetStaffActiveInput } from "@/server/staff/set-staff-active";
import { action } from "./action";
import { authMessages, staffMessages } from "@/messages/zh-CN";

const STAFF_PAGE = "/admin/staff";

const ZCreateStaffForm = z
  .object({
    username: z.string().trim().toLowerCase().pipe(ZCreateStaffUserInput.shape.username),
    displayName: ZCreateStaffUserInput.shape.displayName,
    role: ZCreateStaffUserInput.shape.role,
    // The district select sends "" for the roles without one.
    districtId: z.preprocess(
      (v) => (v === "" || v === undefined ? null : v),
      z.coerce.number().int().positive().nullable(),
    ),
    password: z.string().max(256, authMessages.passwordTooLong),
    confirmPassword: z.string().max(256),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: staffMessages.passwordsDiffer,
    path: ["confirmPassword"],
  })
  .refine((v) => (v.role === "DISTRICT_ADMIN") === (v.districtId !== null), {
    message: staffMessages.districtOnlyForDistrictAdminForm,
    path: ["districtId"],
  });

/** A new staff account; it must change the initial password at first sign-in. */
export const createStaffByAdmin = action(
  { name: "staff.create", auth: "staff", permission: "staff.manage", schema: ZCreateStaffForm },
  async ({ confirmPassword: _confirm, ...input }, { staff }) => {
    const created = await createStaffAccount(staff, input);
    revalidatePath(STAFF_PAGE);
    return created;
  },
);

export const setStaffActiveByAdmin = action(
  { name: "staff.active", auth: "staff", permission: "staff.manage", schema: ZSetStaffActiveInput },
  async (input, { staff, ip }) => {
    const result = await setStaffActive(staff, input, ip);
    revalidatePath(STAFF_PAGE);
    return result;
  },
);

export const resetStaffPasswordByAdmin = action(
  { name: "staff.password.reset", auth: "staff", permission: "staff.manage", schema: ZResetStaffPasswordInput },
  async (input, { staff, ip }) => {
    const result = await resetStaffPassword(staff, input, ip);
    revalidatePath(STAFF_PAGE);
    return result;
  },
);

/** Ends every session of another staff account: each stops at its next request. */
export const endStaffSessionsByAdmin = action(
  { name: "staff.sessions.end", auth: "staff", permission: "staff.manage", schema: ZEndStaffSessionsInput },
  async (input, { staff, ip }) => endStaffSessions(staff, input, ip),
);
