// How long a support lookup lets its author open the learners it found is one rule,
// src/domain/support/lookup.ts (LOOKUP_GRANT_MS, lookupGrantWindow, isLookupGrantCurrent): on
// the real database, resolveViewGrant's query and the domain's check give the same answer for a
// lookup just current, just expired, just made, not yet made, and at random ages around those.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { isLookupGrantCurrent, LOOKUP_GRANT_MS } from "../../src/domain/support/lookup";
import { getDb } from "../../src/server/db";
import { lookupLearners } from "../../src/server/support/lookup-learners";
import { resolveViewGrant } from "../../src/server/support/resolve-view-grant";
import { utc } from "../../src/server/sql";
import { createLearner, createStaff, uniqueIdNumber } from "../support/factories";
import { truncateData } from "../support/reset-database";

const NOW = new Date("2026-06-15T08:00:00.000Z");
const LEARNER = "learner-found";

let client: pg.Client;

beforeAll(async () => {
  await seedReferenceData(getDb());
  client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

beforeEach(async () => {
  await truncateData(inject("databaseUrl"));
});

/** A lookup by `staffId` made at `at` that found LEARNER, written as lookupLearners writes it. */
async function lookupAt(staffId: string, at: Date): Promise<string> {
  const lookupId = randomUUID();
  await client.query(
    `INSERT INTO "AuditLog" ("at", "actorType", "actorId", "action", "targetType", "targetId", "outcome", "details")
     VALUES ($1::timestamp, 'STAFF', $2, 'support.lookup', 'Learner', $3, 'SUCCESS', $4::jsonb)`,
    [
      utc(at),
      staffId,
      LEARNER,
      JSON.stringify({ lookupId, by: "idNumber", reason: "学员来电核实", learnerIds: [LEARNER] }),
    ],
  );
  return lookupId;
}

async function grants(staffId: string, lookupId: string, now: Date): Promise<boolean> {
  return (await resolveViewGrant({ id: staffId }, LEARNER, { lookupId }, now)) !== null;
}

describe("a lookup's grant", () => {
  it.each<[string, number, boolean]>([
    ["made just now", 0, true],
    ["made 1 ms ago", 1, true],
    ["just current (exactly LOOKUP_GRANT_MS ago)", LOOKUP_GRANT_MS, true],
    ["just expired (LOOKUP_GRANT_MS + 1 ms ago)", LOOKUP_GRANT_MS + 1, false],
    ["long expired", 2 * LOOKUP_GRANT_MS, false],
    ["dated 1 ms after now", -1, false],
  ])("agrees with the domain for a lookup %s", async (_name, ageMs, expected) => {
    const at = new Date(NOW.getTime() - ageMs);
    expect(isLookupGrantCurrent(at, NOW)).toBe(expected);
    expect(await grants("staff-1", await lookupAt("staff-1", at), NOW)).toBe(expected);
  });

  it("agrees with the domain at random ages around both ends of the window", async () => {
    const staffId = "staff-random";
    const age = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.integer({ min: LOOKUP_GRANT_MS - 5, max: LOOKUP_GRANT_MS + 5 }),
      fc.integer({ min: -LOOKUP_GRANT_MS, max: 3 * LOOKUP_GRANT_MS }),
    );
    await fc.assert(
      fc.asyncProperty(age, async (ageMs) => {
        const at = new Date(NOW.getTime() - ageMs);
        expect(await grants(staffId, await lookupAt(staffId, at), NOW)).toBe(isLookupGrantCurrent(at, NOW));
      }),
      { numRuns: 100 },
    );
  });

  it("holds for a real lookup: open until LOOKUP_GRANT_MS after it was recorded, not 1 ms longer", async () => {
    const staff = { ...(await createStaff({ role: "SUPPORT" })), mustChangePassword: false };
    const idNumber = uniqueIdNumber();
    const learner = await createLearner({ idNumber });
    const { lookupId } = await lookupLearners(staff, { by: "idNumber", idNumber, reason: "学员来电核实" }, null);
    const { at } = await getDb().auditLog.findFirstOrThrow({
      where: { action: "support.lookup" },
      select: { at: true },
    });
    const opens = async (now: Date) => (await resolveViewGrant(staff, learner.id, { lookupId }, now)) !== null;

    for (const now of [at, new Date(at.getTime() + LOOKUP_GRANT_MS)]) {
      expect(isLookupGrantCurrent(at, now)).toBe(true);
      expect(await opens(now)).toBe(true);
    }
    for (const now of [new Date(at.getTime() - 1), new Date(at.getTime() + LOOKUP_GRANT_MS + 1)]) {
      expect(isLookupGrantCurrent(at, now)).toBe(false);
      expect(await opens(now)).toBe(false);
    }
  });

  it("is the author's own: another staff member's lookup grants nothing, even when current", async () => {
    const lookupId = await lookupAt("staff-a", NOW);
    expect(await grants("staff-a", lookupId, NOW)).toBe(true);
    expect(await grants("staff-b", lookupId, NOW)).toBe(false);
  });
});
