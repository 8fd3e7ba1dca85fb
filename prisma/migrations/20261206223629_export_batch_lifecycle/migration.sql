-- CreateEnum
CREATE TYPE "ExportBatchState" AS ENUM ('GENERATED', 'DOWNLOADED', 'UPLOADED', 'RECEIPTED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "ExportBatch" ADD COLUMN     "firstDownloadedAt" TIMESTAMP(3),
ADD COLUMN     "firstDownloadedById" TEXT,
ADD COLUMN     "provincialRef" TEXT,
ADD COLUMN     "state" "ExportBatchState" NOT NULL DEFAULT 'GENERATED',
ADD COLUMN     "uploadNote" TEXT,
ADD COLUMN     "uploadedAt" TIMESTAMP(3),
ADD COLUMN     "uploadedById" TEXT,
ADD COLUMN     "uploadedOn" DATE,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnById" TEXT,
ADD COLUMN     "withdrawnReason" TEXT;

-- Hand-written (ADR 0028): the batches written before the lifecycle are as far as their audit
-- rows show. Downloaded by the city office (the whole file, no district): DOWNLOADED, with the
-- first such download. Nothing records an upload, so none is UPLOADED: an administrator records
-- it, and until then the learners see 待报送, not 已报送.
UPDATE "ExportBatch" b
SET "state" = 'DOWNLOADED', "firstDownloadedAt" = first."at", "firstDownloadedById" = first."actorId"
FROM (
  SELECT DISTINCT ON ("targetId") "targetId", "at", "actorId"
  FROM "AuditLog"
  WHERE "action" = 'export.batch.download' AND "targetType" = 'ExportBatch'
    AND ("details"->>'districtId') IS NULL
  ORDER BY "targetId", "at", "id"
) first
WHERE first."targetId" = b."id"::text;
