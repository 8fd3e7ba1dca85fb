// `npm run db:seed`: the reference data (districts and functional zones), idempotent.
// `npm run db:seed -- --demo`: also the demo learners, staff and contact details.
import { existsSync } from "node:fs";

if (existsSync(".env")) process.loadEnvFile(".env");
const demo = process.argv.includes("--demo");

const { env } = await import("../../src/lib/env");
const { getDb } = await import("../../src/server/db");
const { seedDemoData, seedReferenceData } = await import("../../prisma/seed");

try {
  const config = env();
  const db = getDb();
  if (demo) {
    await seedDemoData(db, { staffPassword: config.DEMO_STAFF_PASSWORD });
    console.log("Reference data and demo data seeded.");
  } else {
    await seedReferenceData(db);
    console.log("Reference data seeded (districts and functional zones). Add --demo for the demo data.");
  }
  await db.$disconnect();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
