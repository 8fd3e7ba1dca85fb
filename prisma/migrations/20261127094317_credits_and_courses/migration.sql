-- CreateEnum
CREATE TYPE "CreditCategory" AS ENUM ('PUBLIC', 'PROFESSIONAL');

-- CreateEnum
CREATE TYPE "CreditSource" AS ENUM ('COURSE', 'ACTIVITY', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "ActivityType" AS ENUM ('QUALIFICATION_EXAM', 'CONFERENCE', 'DEGREE_COURSE', 'RESEARCH_LEAD', 'RESEARCH_MEMBER', 'PAPER_FIRST', 'PAPER_OTHER', 'BOOK_FIRST', 'BOOK_OTHER', 'OTHER');

-- CreateEnum
CREATE TYPE "CourseStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('STUDYING', 'EXAM_PENDING', 'CREDITED');

-- CreateTable
CREATE TABLE "CreditPolicy" (
    "fromYear" INTEGER NOT NULL,
    "requiredTotal" INTEGER NOT NULL,
    "requiredProfessional" INTEGER NOT NULL,
    "creditsPerHour" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditPolicy_pkey" PRIMARY KEY ("fromYear")
);

-- CreateTable
CREATE TABLE "CreditEntry" (
    "id" BIGSERIAL NOT NULL,
    "learnerId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "category" "CreditCategory" NOT NULL,
    "credits" INTEGER NOT NULL,
    "source" "CreditSource" NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "courseId" TEXT,
    "activityType" "ActivityType",
    "note" TEXT,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Course" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" "CreditCategory" NOT NULL,
    "credits" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "coverUrl" TEXT,
    "status" "CourseStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "examQuestionCount" INTEGER NOT NULL DEFAULT 10,
    "examPassScore" INTEGER NOT NULL DEFAULT 60,
    "examTimeLimitMinutes" INTEGER NOT NULL DEFAULT 30,
    "examMaxAttempts" INTEGER NOT NULL DEFAULT 5,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lesson" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "videoUrl" TEXT NOT NULL,
    "durationSeconds" INTEGER NOT NULL,

    CONSTRAINT "Lesson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "creditYear" INTEGER NOT NULL,
    "status" "EnrollmentStatus" NOT NULL DEFAULT 'STUDYING',
    "enrolledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "studyCompletedAt" TIMESTAMP(3),
    "creditedAt" TIMESTAMP(3),

    CONSTRAINT "Enrollment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CreditEntry_sourceKey_key" ON "CreditEntry"("sourceKey");

-- CreateIndex
CREATE INDEX "CreditEntry_learnerId_year_idx" ON "CreditEntry"("learnerId", "year");

-- CreateIndex
CREATE INDEX "CreditEntry_year_learnerId_idx" ON "CreditEntry"("year", "learnerId");

-- CreateIndex
CREATE INDEX "Course_status_category_idx" ON "Course"("status", "category");

-- CreateIndex
CREATE UNIQUE INDEX "Lesson_courseId_position_key" ON "Lesson"("courseId", "position");

-- CreateIndex
CREATE INDEX "Enrollment_learnerId_status_idx" ON "Enrollment"("learnerId", "status");

-- CreateIndex
CREATE INDEX "Enrollment_courseId_idx" ON "Enrollment"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_learnerId_courseId_key" ON "Enrollment"("learnerId", "courseId");

-- CreateIndex
CREATE INDEX "AuditLog_ip_at_idx" ON "AuditLog"("ip", "at");

-- AddForeignKey
ALTER TABLE "CreditEntry" ADD CONSTRAINT "CreditEntry_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditEntry" ADD CONSTRAINT "CreditEntry_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditEntry" ADD CONSTRAINT "CreditEntry_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lesson" ADD CONSTRAINT "Lesson_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrollment" ADD CONSTRAINT "Enrollment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (not generated): the credit ledger is append-only. A mistake is corrected by a
-- compensating ADJUSTMENT entry, never by changing or removing a row. TRUNCATE stays allowed
-- for test resets. Triggers are not modelled by Prisma, so this causes no drift.
CREATE FUNCTION "refuse_update_or_delete"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING HINT = 'Record a compensating entry instead of changing or removing one.';
END;
$$;

CREATE TRIGGER "CreditEntry_append_only"
BEFORE UPDATE OR DELETE ON "CreditEntry"
FOR EACH ROW EXECUTE FUNCTION "refuse_update_or_delete"();

-- The policy of the notice (鄂财会发〔2018〕13号), in force from 2018: 90 credits a year, of
-- which 60 professional; one class hour is 3 credits.
INSERT INTO "CreditPolicy" ("fromYear", "requiredTotal", "requiredProfessional", "creditsPerHour")
VALUES (2018, 90, 60, 3);
