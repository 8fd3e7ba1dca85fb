-- The administrators' learner list at city scale (docs/decisions/0024-keyset-learner-list.md).
--
-- Keyset pages in the list's order, newest registration first and the id breaking ties, for the
-- whole city and for one district (learnerScope filters a district bureau by "districtId").
--
-- The name and employer searches are prefix searches (LIKE 'x%'). A btree serves LIKE only when
-- its collation is C, and the database's is not (C.UTF-8 and en_US.UTF-8 do not count), so both
-- indexes are built COLLATE "C" and the list's query compares in that collation
-- (src/server/learners/read-learner-conditions.ts). Not text_pattern_ops: Prisma cannot express
-- a btree operator class, and `ops: raw("text_pattern_ops")` makes every diff drop and re-create
-- the index; it does not model an index's collation either, but ignores it, so schema.prisma
-- shows these as plain @@index([name]) / @@index([employer]) and tests/integration/
-- migrations.test.ts sees no drift. The name index replaces the old one (which no query used:
-- the list's LIKE could not, and nothing else looks learners up by name).
--
-- Plain CREATE INDEX, not CONCURRENTLY (which cannot run inside a multi-statement script): at
-- 500,000 learners each takes 0.2-0.6 s, during which registrations wait.

-- DropIndex
DROP INDEX "Learner_name_idx";

-- CreateIndex
CREATE INDEX "Learner_name_idx" ON "Learner"("name" COLLATE "C");

-- CreateIndex
CREATE INDEX "Learner_employer_idx" ON "Learner"("employer" COLLATE "C");

-- CreateIndex
CREATE INDEX "Learner_registeredAt_id_idx" ON "Learner"("registeredAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Learner_districtId_registeredAt_id_idx" ON "Learner"("districtId", "registeredAt" DESC, "id" DESC);
