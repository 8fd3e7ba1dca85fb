// `npm run staff:create -- --username <name> --role CITY_ADMIN|DISTRICT_ADMIN|SUPPORT
//   [--district <code>] [--display-name <text>]`
// Creates a staff account; the password is asked for on the terminal (or read from
// STAFF_PASSWORD for automation). A production deployment starts with no accounts at all:
// this is how its first city administrator is made.
import { existsSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";

if (existsSync(".env")) process.loadEnvFile(".env");

const { values } = parseArgs({
  options: {
    username: { type: "string" },
    role: { type: "string", default: "CITY_ADMIN" },
    district: { type: "string" },
    "display-name": { type: "string" },
  },
});

async function askPassword(): Promise<string> {
  if (process.env.STAFF_PASSWORD) return process.env.STAFF_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: echo nothing but the prompt.
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  const prompt = "Password (at least 12 characters): ";
  output._writeToOutput = (s: string) => {
    if (s.startsWith(prompt)) process.stdout.write(prompt);
  };
  const password = await rl.question(prompt);
  rl.close();
  process.stdout.write("\n");
  return password;
}

const { createStaffUser } = await import("../src/server/staff/create-staff-user");
const { getDb } = await import("../src/server/db");
const { StaffRole } = await import("../src/generated/prisma/enums");
try {
  if (!values.username) throw new Error("--username is required");
  const role = Object.values(StaffRole).find((r) => r === values.role);
  if (!role) throw new Error(`--role must be one of ${Object.values(StaffRole).join(", ")}`);
  const db = getDb();
  const district = values.district ? await db.district.findUnique({ where: { code: values.district } }) : null;
  if (values.district && !district) throw new Error(`Unknown district code "${values.district}"`);
  const staff = await createStaffUser({
    username: values.username,
    displayName: values["display-name"] ?? values.username,
    role,
    districtId: district?.id ?? null,
    password: await askPassword(),
    createdById: null,
  });
  console.log(`Created ${staff.role} "${staff.username}".`);
  await db.$disconnect();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
