-- CreateEnum
CREATE TYPE "ExportTrigger" AS ENUM ('MANUAL', 'SCHEDULED');

-- CreateTable
CREATE TABLE "CreditYearTotal" (
    "learnerId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "totalCredits" INTEGER NOT NULL,
    "professionalCredits" INTEGER NOT NULL,

    CONSTRAINT "CreditYearTotal_pkey" PRIMARY KEY ("learnerId","year")
);

-- CreateTable
CREATE TABLE "ExportBatch" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "trigger" "ExportTrigger" NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rowCount" INTEGER NOT NULL,
    "checksum" TEXT NOT NULL,

    CONSTRAINT "ExportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportBatchDistrict" (
    "batchId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "districtName" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,

    CONSTRAINT "ExportBatchDistrict_pkey" PRIMARY KEY ("batchId","districtId")
);

-- CreateTable
CREATE TABLE "ExportRow" (
    "batchId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "learnerId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "idNumberEncrypted" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "districtId" INTEGER NOT NULL,
    "districtName" TEXT NOT NULL,
    "totalCredits" INTEGER NOT NULL,
    "professionalCredits" INTEGER NOT NULL,
    "publicCredits" INTEGER NOT NULL,
    "hoursTenths" INTEGER NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExportRow_pkey" PRIMARY KEY ("batchId","seq")
);

-- CreateIndex
CREATE INDEX "CreditYearTotal_year_learnerId_idx" ON "CreditYearTotal"("year", "learnerId");

-- CreateIndex
CREATE INDEX "ExportBatch_year_createdAt_idx" ON "ExportBatch"("year", "createdAt");

-- CreateIndex
CREATE INDEX "ExportBatchDistrict_districtId_batchId_idx" ON "ExportBatchDistrict"("districtId", "batchId");

-- CreateIndex
CREATE UNIQUE INDEX "ExportRow_learnerId_year_batchId_key" ON "ExportRow"("learnerId", "year", "batchId");

-- AddForeignKey
ALTER TABLE "CreditYearTotal" ADD CONSTRAINT "CreditYearTotal_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportBatch" ADD CONSTRAINT "ExportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportBatchDistrict" ADD CONSTRAINT "ExportBatchDistrict_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ExportBatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (not generated; triggers are not modelled by Prisma, so this causes no drift).
--
-- CreditYearTotal follows the ledger: every statement that inserts entries adds their sums per
-- learner-year, in the same transaction (a statement-level trigger with a transition table:
-- one upsert per learner-year touched, whether one entry is inserted or two million). The
-- ledger refuses UPDATE and DELETE, so inserts are the only change; TRUNCATE empties both.
CREATE FUNCTION "credit_year_totals_add"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "CreditYearTotal" ("learnerId", "year", "totalCredits", "professionalCredits")
  SELECT "learnerId", "year", SUM("credits"),
         COALESCE(SUM("credits") FILTER (WHERE "category" = 'PROFESSIONAL'), 0)
  FROM new_entries
  GROUP BY "learnerId", "year"
  ON CONFLICT ("learnerId", "year") DO UPDATE SET
    "totalCredits" = "CreditYearTotal"."totalCredits" + EXCLUDED."totalCredits",
    "professionalCredits" = "CreditYearTotal"."professionalCredits" + EXCLUDED."professionalCredits";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "CreditEntry_year_totals"
AFTER INSERT ON "CreditEntry"
REFERENCING NEW TABLE AS new_entries
FOR EACH STATEMENT EXECUTE FUNCTION "credit_year_totals_add"();

-- DELETE, not TRUNCATE: a TRUNCATE of both tables at once (test resets) cannot truncate the
-- totals again from inside its own trigger.
CREATE FUNCTION "credit_year_totals_clear"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "CreditYearTotal";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "CreditEntry_year_totals_truncate"
AFTER TRUNCATE ON "CreditEntry"
FOR EACH STATEMENT EXECUTE FUNCTION "credit_year_totals_clear"();

-- The ledger recorded before this migration.
INSERT INTO "CreditYearTotal" ("learnerId", "year", "totalCredits", "professionalCredits")
SELECT "learnerId", "year", SUM("credits"), COALESCE(SUM("credits") FILTER (WHERE "category" = 'PROFESSIONAL'), 0)
FROM "CreditEntry"
GROUP BY "learnerId", "year";

-- An exported row is what the provincial system received, so it never changes; a new batch
-- carries any correction. Reuses the ledger's function. TRUNCATE stays allowed for test resets.
CREATE TRIGGER "ExportRow_append_only"
BEFORE UPDATE OR DELETE ON "ExportRow"
FOR EACH ROW EXECUTE FUNCTION "refuse_update_or_delete"();
