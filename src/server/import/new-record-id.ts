import "server-only";
import { randomBytes } from "node:crypto";

let counter = 0;

/**
 * An id shaped like the cuid()s Prisma gives rows it creates (25 lowercase alphanumerics starting
 * with "c"), for rows inserted in bulk by raw SQL, where Prisma generates none. Uniqueness comes
 * from 64 random bits; time and a counter keep ids of one import roughly ordered.
 */
export function newRecordId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const count = counter.toString(36).padStart(4, "0");
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString(36)
    .padStart(12, "0")
    .slice(-12);
  return `c${time}${count}${random}`;
}
