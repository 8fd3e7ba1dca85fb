-- CreateTable
CREATE TABLE "ExportReceipt" (
    "id" SERIAL NOT NULL,
    "batchId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "importedById" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedCount" INTEGER NOT NULL,
    "rejectedCount" INTEGER NOT NULL,

    CONSTRAINT "ExportReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportRowResult" (
    "batchId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "learnerId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "accepted" BOOLEAN NOT NULL,
    "reason" TEXT,
    "receiptId" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExportRowResult_pkey" PRIMARY KEY ("batchId","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExportReceipt_batchId_checksum_key" ON "ExportReceipt"("batchId", "checksum");

-- CreateIndex
CREATE INDEX "ExportRowResult_learnerId_year_idx" ON "ExportRowResult"("learnerId", "year");
