"use server";

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { signIn } from "@/server/auth/config";
import { issueLoginTicket } from "@/server/auth/login-ticket";
import { staffHome } from "@/server/auth/session";
import { verifyStaffLogin } from "@/server/auth/verify-staff-login";
import { getDb } from "@/server/db";
import { changeOwnPassword } from "@/server/staff/change-own-password";
import { action } from "./action";
import { authMessages } from "@/messages/zh-CN";

const ZStaffLoginInput = z.object({
  username: z.string().trim().min(1, authMessages.enterUsername).max(64, authMessages.usernameInvalid),
  password: z.string().min(1, authMessages.enterPassword).max(256, authMessages.passwordTooLong),
});

export const loginStaff = action(
  { name: "staff.login", auth: "public", schema: ZStaffLoginInput },
  async (input, ctx) => {
    const result = await verifyStaffLogin(input, ctx.ip);
    if (!result.ok) throw new AppError(result.code, result.message);
    await signIn("staff", { ticket: issueLoginTicket("staff", result.staffId), redirect: false });
    if (result.mustChangePassword) return "/staff/password";
    const { role } = await getDb().staffUser.findUniqueOrThrow({
      where: { id: result.staffId },
      select: { role: true },
    });
    return staffHome(role);
  },
  { redirectTo: (home) => home },
);

const ZChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, authMessages.enterCurrentPassword).max(256),
    newPassword: z.string().max(256, authMessages.passwordTooLong),
    confirmPassword: z.string().max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: authMessages.newPasswordsDiffer,
    path: ["confirmPassword"],
  });

export const changePassword = action(
  {
    name: "staff.password.change",
    auth: "staff",
    permission: "password.change",
    allowPendingPasswordChange: true,
    schema: ZChangePasswordInput,
  },
  async (input, { staff, ip }) => {
    await changeOwnPassword(staff.id, input, ip);
    // Sessions signed in before the change no longer count, this one included: sign in afresh.
    await signIn("staff", { ticket: issueLoginTicket("staff", staff.id), redirect: false });
    return staffHome(staff.role);
  },
  { redirectTo: (home) => home },
);
