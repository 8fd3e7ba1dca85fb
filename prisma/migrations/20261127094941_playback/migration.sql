-- CreateEnum
CREATE TYPE "PlaybackEndReason" AS ENUM ('TAKEN_OVER', 'CLOSED');

-- CreateEnum
CREATE TYPE "ProblemStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'RESOLVED');

-- CreateTable
CREATE TABLE "LessonProgress" (
    "enrollmentId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "verifiedMs" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LessonProgress_pkey" PRIMARY KEY ("enrollmentId","lessonId")
);

-- CreateTable
CREATE TABLE "PlaybackSession" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "enrollmentId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastBeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "lastPositionMs" INTEGER NOT NULL,
    "contiguous" BOOLEAN NOT NULL DEFAULT true,
    "creditedMs" INTEGER NOT NULL DEFAULT 0,
    "acceptedBeats" INTEGER NOT NULL DEFAULT 0,
    "ignoredBeats" INTEGER NOT NULL DEFAULT 0,
    "jumpBeats" INTEGER NOT NULL DEFAULT 0,
    "endedAt" TIMESTAMP(3),
    "endReason" "PlaybackEndReason",
    "browser" TEXT,
    "os" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "PlaybackSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaybackBeat" (
    "id" BIGSERIAL NOT NULL,
    "sessionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "positionMs" INTEGER NOT NULL,
    "event" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "creditedMs" INTEGER NOT NULL,

    CONSTRAINT "PlaybackBeat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlayerError" (
    "id" BIGSERIAL NOT NULL,
    "learnerId" TEXT NOT NULL,
    "sessionId" TEXT,
    "courseId" TEXT,
    "lessonId" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "code" INTEGER,
    "message" TEXT,
    "videoUrl" TEXT,
    "browser" TEXT,
    "os" TEXT,
    "networkType" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "PlayerError_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemReport" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "enrollmentId" TEXT,
    "courseId" TEXT,
    "lessonId" TEXT,
    "description" TEXT NOT NULL,
    "phone" TEXT,
    "diagnostics" JSONB NOT NULL,
    "status" "ProblemStatus" NOT NULL DEFAULT 'OPEN',
    "resolution" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "ProblemReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemNote" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlaybackSession_learnerId_startedAt_idx" ON "PlaybackSession"("learnerId", "startedAt");

-- CreateIndex
CREATE INDEX "PlaybackSession_enrollmentId_idx" ON "PlaybackSession"("enrollmentId");

-- CreateIndex
CREATE INDEX "PlaybackBeat_sessionId_seq_idx" ON "PlaybackBeat"("sessionId", "seq");

-- CreateIndex
CREATE INDEX "PlaybackBeat_receivedAt_idx" ON "PlaybackBeat"("receivedAt");

-- CreateIndex
CREATE INDEX "PlayerError_occurredAt_idx" ON "PlayerError"("occurredAt");

-- CreateIndex
CREATE INDEX "PlayerError_learnerId_occurredAt_idx" ON "PlayerError"("learnerId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProblemReport_reference_key" ON "ProblemReport"("reference");

-- CreateIndex
CREATE INDEX "ProblemReport_status_createdAt_idx" ON "ProblemReport"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ProblemReport_learnerId_createdAt_idx" ON "ProblemReport"("learnerId", "createdAt");

-- CreateIndex
CREATE INDEX "ProblemNote_reportId_createdAt_idx" ON "ProblemNote"("reportId", "createdAt");

-- AddForeignKey
ALTER TABLE "LessonProgress" ADD CONSTRAINT "LessonProgress_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonProgress" ADD CONSTRAINT "LessonProgress_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybackSession" ADD CONSTRAINT "PlaybackSession_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybackSession" ADD CONSTRAINT "PlaybackSession_enrollmentId_fkey" FOREIGN KEY ("enrollmentId") REFERENCES "Enrollment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaybackSession" ADD CONSTRAINT "PlaybackSession_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlayerError" ADD CONSTRAINT "PlayerError_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemReport" ADD CONSTRAINT "ProblemReport_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemNote" ADD CONSTRAINT "ProblemNote_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProblemReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemNote" ADD CONSTRAINT "ProblemNote_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
