import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/server/db";
import { auth } from "./config";

/** The signed-in principal of this request (one cookie decode per request). */
export const getSession = cache(() => auth());

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

/** The signed-in, active staff user, or null. A learner session never counts. */
export const getCurrentStaff = cache(async () => {
  const session = await getSession();
  if (session?.principal.kind !== "staff") return null;
  return getDb().staffUser.findFirst({
    where: { id: session.principal.id, active: true },
    select: { id: true, username: true, displayName: true, role: true, districtId: true, mustChangePassword: true },
  });
});
export type CurrentStaff = NonNullable<Awaited<ReturnType<typeof getCurrentStaff>>>;
