import "server-only";
import { normalizeName } from "@/domain/identity";
import { Prisma } from "@/generated/prisma/client";
import type { CurrentStaff } from "@/server/auth/session";
import { learnerScope } from "@/server/staff/learner-scope";

/** The list's filters as far as they choose rows (the year only chooses the credits shown). */
export interface LearnerRowFilters {
  district?: number;
  status?: "ACTIVE" | "DISABLED";
  qualification?: "NONE" | "JUNIOR" | "INTERMEDIATE" | "SENIOR";
  employer?: string;
  name?: string;
  /** Whether the learner holds a current certificate (学时证明) of that year. */
  certificate?: { held: boolean; year: number };
}

/** LIKE's own characters taken literally, then "starts with". */
function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * learnerScope, the one home of who sees which learners, as SQL over `"Learner" l`. Only the
 * shapes it returns today are translated; anything else sees nothing (fail closed), so a new
 * rule there cannot silently widen this list.
 */
function scopeSql(staff: Pick<CurrentStaff, "role" | "districtId">): Prisma.Sql {
  const scope = learnerScope(staff);
  const keys = Object.keys(scope);
  if (keys.length === 0) return Prisma.sql`TRUE`;
  if (keys.length === 1 && typeof scope.districtId === "number")
    return Prisma.sql`l."districtId" = ${scope.districtId}`;
  return Prisma.sql`FALSE`;
}

/**
 * The WHERE conditions of the learner list over `"Learner" l`, for the page, the probe and the
 * count alike. The name and employer searches are prefix searches compared in the C collation,
 * which the indexes `Learner_name_idx` and `Learner_employer_idx` are built in (ADR 0024): LIKE
 * 'x%' can use a btree only then, whatever the database's own collation.
 */
export function readLearnerConditions(
  staff: Pick<CurrentStaff, "role" | "districtId">,
  filters: LearnerRowFilters,
): Prisma.Sql[] {
  const conditions = [scopeSql(staff)];
  if (filters.district) conditions.push(Prisma.sql`l."districtId" = ${filters.district}`);
  if (filters.status) conditions.push(Prisma.sql`l."status" = ${filters.status}::"LearnerStatus"`);
  if (filters.qualification) {
    conditions.push(Prisma.sql`l."qualification" = ${filters.qualification}::"Qualification"`);
  }
  if (filters.employer) {
    conditions.push(Prisma.sql`l."employer" COLLATE "C" LIKE ${prefixPattern(filters.employer)}`);
  }
  // Names are stored normalized; a prefix search finds the exact name too.
  if (filters.name) {
    conditions.push(Prisma.sql`l."name" COLLATE "C" LIKE ${prefixPattern(normalizeName(filters.name))}`);
  }
  // One probe of "Certificate_one_valid_per_year" (learnerId, year) WHERE state = 'VALID' per row.
  if (filters.certificate) {
    const current = Prisma.sql`SELECT 1 FROM "Certificate" c
      WHERE c."learnerId" = l."id" AND c."year" = ${filters.certificate.year} AND c."state" = 'VALID'`;
    conditions.push(filters.certificate.held ? Prisma.sql`EXISTS (${current})` : Prisma.sql`NOT EXISTS (${current})`);
  }
  return conditions;
}
