// Structured logging (pino). Personal data never reaches a log line: known fields are redacted,
// and every written line passes the ID-number scrubber (messages and stack traces included).
import pino from "pino";
import { logLevel } from "./env";
import { scrubIdNumbers } from "./scrub";

export const logger = pino(
  {
    level: logLevel(),
    base: undefined,
    redact: {
      paths: ["idNumber", "*.idNumber", "password", "*.password", "passwordHash", "*.passwordHash"],
      censor: "[redacted]",
    },
  },
  { write: (line: string) => process.stdout.write(scrubIdNumbers(line)) },
);
