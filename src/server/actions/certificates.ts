"use server";

import { revalidatePath } from "next/cache";
import { reissueCertificate, ZReissueCertificateInput } from "@/server/certificates/reissue-certificate";
import { revokeCertificate, ZRevokeCertificateInput } from "@/server/certificates/revoke-certificate";
import { action } from "./action";

/** 撤销学时证明: with a mandatory reason; the learner's page shows it at once. */
export const revokeCertificateByStaff = action(
  { name: "certificates.revoke", auth: "staff", permission: "certificates.revoke", schema: ZRevokeCertificateInput },
  async (input, { staff, ip }) => {
    const result = await revokeCertificate(staff, input, ip);
    revalidatePath(`/admin/learners/${result.learnerId}`);
    return result;
  },
);

/** 重新签发: lifts an administrator's revocation when the year is complete. */
export const reissueCertificateByStaff = action(
  {
    name: "certificates.reissue",
    auth: "staff",
    permission: "certificates.revoke",
    schema: ZReissueCertificateInput,
  },
  async (input, { staff }) => {
    const result = await reissueCertificate(staff, input);
    revalidatePath(`/admin/learners/${result.learnerId}`);
    return result;
  },
);
