import "server-only";
import { pickPolicyRow } from "@/domain/credits";
import { currentYear } from "@/lib/time";
import { getCreditPolicy } from "./get-credit-policy";

/** Credits per class hour (学时) under this year's policy, for showing a course's hours. */
export async function getCreditsPerHour(): Promise<number> {
  return pickPolicyRow(await getCreditPolicy(), currentYear()).creditsPerHour;
}
