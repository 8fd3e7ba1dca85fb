// The cast of an authorization test: staff accounts of the given roles and one learner, and a way
// to act as any of them, or as nobody, through the mocked session (session-mock.ts). Needs the
// reference data (seedReferenceData) and the session mocks of the test file.
import type { StaffRole } from "../../src/generated/prisma/client";
import { createLearner, createStaff } from "./factories";
import { signInAs, signOutAll } from "./session-mock";

type Staff = Awaited<ReturnType<typeof createStaff>>;
type Learner = Awaited<ReturnType<typeof createLearner>>;

/**
 * Creates the staff accounts of `staff` (in its order, by role and district), then a learner of
 * `learner.districtCode`. `signIn("learner")` signs in as the learner, `signIn("none")` signs out,
 * any other name as that staff account.
 */
export async function createCast<const S extends Record<string, { role: StaffRole; districtCode?: string }>>(
  staff: S,
  learner: { districtCode: string },
) {
  const accounts: Partial<Record<keyof S, Staff>> = {};
  for (const name of Object.keys(staff) as (keyof S)[]) accounts[name] = await createStaff(staff[name]);
  const people = { ...(accounts as Record<keyof S, Staff>), learner: await createLearner(learner) } as Record<
    keyof S,
    Staff
  > & { learner: Learner };
  const signIn = (who: keyof S | "learner" | "none") => {
    if (who === "none") signOutAll();
    else if (who === "learner") signInAs("learner", people.learner.id);
    else signInAs("staff", people[who].id);
  };
  return { people, signIn };
}
