-- CreateEnum
CREATE TYPE "ExportRowKind" AS ENUM ('NEW', 'CORRECTION', 'RESEND');

-- AlterTable
ALTER TABLE "ExportRow" ADD COLUMN     "kind" "ExportRowKind" NOT NULL DEFAULT 'NEW';
