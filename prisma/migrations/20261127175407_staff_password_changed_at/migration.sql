-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "passwordChangedAt" TIMESTAMP(3);
