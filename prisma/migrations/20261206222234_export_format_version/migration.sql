-- AlterTable
-- The batches written so far are of file format 1 (the ID after a tab, text cells only); new
-- ones of format 2. writeExportBatch brings the checksum of older ones up to the current format.
ALTER TABLE "ExportBatch" ADD COLUMN     "formatVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "ExportBatch" ALTER COLUMN "formatVersion" SET DEFAULT 2;
