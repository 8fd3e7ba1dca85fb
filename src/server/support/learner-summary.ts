import "server-only";

/**
 * The only learner fields the support console reads: enough to confirm who is on the phone,
 * never the full ID number, birth date, employer or mobile number.
 */
export const SUPPORT_LEARNER_SELECT = {
  id: true,
  name: true,
  idNumberMasked: true,
  status: true,
  district: { select: { name: true } },
} as const;
