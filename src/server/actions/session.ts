"use server";

import { z } from "zod";
import { AppError } from "@/lib/errors";
import { revokeSession } from "@/server/auth/auth-sessions";
import { signIn, signOut } from "@/server/auth/config";
import { issueLoginTicket } from "@/server/auth/login-ticket";
import { getSession } from "@/server/auth/session";
import { verifyLearnerLogin } from "@/server/auth/verify-learner-login";
import { action } from "./action";
import { commonMessages } from "@/messages/zh-CN";

const ZLearnerLoginInput = z.object({
  idNumber: z.string().max(64, commonMessages.idNumberMalformed),
  name: z.string().max(200, commonMessages.nameTooLong),
});

export const loginLearner = action(
  { name: "learner.login", auth: "public", schema: ZLearnerLoginInput },
  async (input, ctx) => {
    const result = await verifyLearnerLogin(input, ctx.ip);
    if (!result.ok) {
      throw new AppError(result.code, result.message, result.field ? { [result.field]: [result.message] } : undefined);
    }
    await signIn("learner", { ticket: issueLoginTicket("learner", result.learnerId), redirect: false });
  },
  { redirectTo: () => "/" },
);

export const logout = action(
  { name: "session.logout", auth: "public", schema: z.object({}) },
  async () => {
    // The server forgets the session first: a copy of the cookie is worth nothing after this.
    const session = await getSession();
    if (session) await revokeSession(session.principal.sessionId);
    await signOut({ redirect: false });
  },
  { redirectTo: () => "/" },
);
