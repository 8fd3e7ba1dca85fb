-- CreateTable
CREATE TABLE "AuthSession" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuthSession_subjectId_idx" ON "AuthSession"("subjectId");

-- Hand-written (check constraints are not modelled by Prisma, so no drift).
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_kind_check" CHECK ("kind" IN ('learner', 'staff'));
