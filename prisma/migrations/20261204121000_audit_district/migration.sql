-- Issue 17: the audit log pages by (at, id) and is filtered by district through a column of its
-- own (ADR 0025), so that a page costs the same at 8 million entries as at 160,000.

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "districtId" INTEGER;

-- Hand-written (not generated; Prisma does not model functions or triggers, so no drift): the
-- district an entry concerns, defined once, here. The learner it is about (target Learner), the
-- district contact row it changed (target District), the staff member it is about (target
-- StaffUser); failing those, its actor (a staff member's district, a learner's own). NULL for the
-- city office's and support's own actions and for anonymous sign-in attempts. It is the district
-- when the entry is written: an entry is never rewritten, so a learner transferred later leaves
-- his earlier entries with the district that handled them.
CREATE FUNCTION "audit_district"(target_type TEXT, target_id TEXT, actor_type "ActorType", actor_id TEXT)
RETURNS INTEGER
LANGUAGE plpgsql STABLE AS $$
DECLARE
  district INTEGER;
BEGIN
  IF target_type = 'Learner' THEN
    SELECT "districtId" INTO district FROM "Learner" WHERE "id" = target_id;
  ELSIF target_type = 'District' AND target_id ~ '^[0-9]{1,9}$' THEN
    district := target_id::INTEGER;
  ELSIF target_type = 'StaffUser' THEN
    SELECT "districtId" INTO district FROM "StaffUser" WHERE "id" = target_id;
  END IF;
  IF district IS NULL AND actor_type = 'STAFF' THEN
    SELECT "districtId" INTO district FROM "StaffUser" WHERE "id" = actor_id;
  ELSIF district IS NULL AND actor_type = 'LEARNER' THEN
    SELECT "districtId" INTO district FROM "Learner" WHERE "id" = actor_id;
  END IF;
  RETURN district;
END;
$$;

-- Every writer (recordAudit, the import's and the export batch's bulk inserts, the tests) gets the
-- column filled in by the database; a writer that knows the district (the scale seed) may set it.
CREATE FUNCTION "audit_log_set_district"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."districtId" IS NULL THEN
    NEW."districtId" := "audit_district"(NEW."targetType", NEW."targetId", NEW."actorType", NEW."actorId");
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "AuditLog_set_district"
BEFORE INSERT ON "AuditLog"
FOR EACH ROW EXECUTE FUNCTION "audit_log_set_district"();

-- Backfill of the existing entries, from the learners' and staff's districts of today (the
-- district bureaus' view until now was "learners now registered in the district": the same set).
-- AuditLog is append-only (ADR 0020): its row trigger refuses UPDATE, for the owner too, and an
-- UPDATE of every row would leave the table twice its size (8 million dead versions at city
-- scale) and add each row to every index again. So the column is filled by a rewrite of the table
-- instead (ALTER COLUMN ... TYPE ... USING: the same type, computed from the row's other columns),
-- which fires no row trigger: the append-only trigger is never disabled, not even for a moment.
-- It runs inside this migration's transaction (the schema engine runs a migration as one implicit
-- transaction) under an ACCESS EXCLUSIVE lock: no entry is written meanwhile, and a failure rolls
-- it all back. The table's indexes are rebuilt by the rewrite; "AuditLog_at_idx" is replaced by
-- (at DESC, id DESC) first, so that it is not rebuilt for nothing.
DROP INDEX "AuditLog_at_idx";

ALTER TABLE "AuditLog"
  ALTER COLUMN "districtId" TYPE INTEGER
  USING "audit_district"("targetType", "targetId", "actorType", "actorId");

-- CreateIndex
CREATE INDEX "AuditLog_at_id_idx" ON "AuditLog"("at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_districtId_at_id_idx" ON "AuditLog"("districtId", "at" DESC, "id" DESC);

-- The planner needs the new column's statistics before the first page is asked for.
ANALYZE "AuditLog";
