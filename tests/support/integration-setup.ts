// Before each integration test file: the server modules read their configuration from the
// environment, so point it at the run's database and the test secrets.
import { inject } from "vitest";
import { TEST_SECRETS } from "./test-database";

Object.assign(process.env, TEST_SECRETS, {
  DATABASE_URL: inject("databaseUrl"),
  DATABASE_POOL_SIZE: "5",
  LOG_LEVEL: "silent",
});
