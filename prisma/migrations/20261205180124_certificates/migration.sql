-- CreateEnum
CREATE TYPE "CertificateState" AS ENUM ('VALID', 'SUPERSEDED', 'REVOKED');

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "state" "CertificateState" NOT NULL DEFAULT 'VALID',
    "name" TEXT NOT NULL,
    "idNumberMasked" TEXT NOT NULL,
    "idNumberHmac" TEXT NOT NULL,
    "districtName" TEXT NOT NULL,
    "employer" TEXT NOT NULL,
    "publicCredits" INTEGER NOT NULL,
    "professionalCredits" INTEGER NOT NULL,
    "totalCredits" INTEGER NOT NULL,
    "hoursTenths" INTEGER NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "issuer" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "revokedById" TEXT,
    "supersededAt" TIMESTAMP(3),
    "supersededByCode" TEXT,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE INDEX "Certificate_learnerId_year_idx" ON "Certificate"("learnerId", "year");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written from here (ADR 0027).
--
-- One current certificate per learner-year, whatever the writers do: the ledger writers issue
-- under the learner's lock, and this index refuses a second VALID row even without it.
CREATE UNIQUE INDEX "Certificate_one_valid_per_year" ON "Certificate"("learnerId", "year") WHERE "state" = 'VALID';

-- What was issued stays as issued: an UPDATE may only move a VALID certificate to SUPERSEDED or
-- REVOKED (with its own columns), and nothing deletes or truncates one.
CREATE FUNCTION "certificate_state_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Certificate rows are kept: DELETE is not allowed' USING HINT = 'Revoke it instead.';
  END IF;
  IF OLD."state" <> 'VALID' OR NEW."state" = 'VALID'
     OR (to_jsonb(NEW) - ARRAY['state', 'revokedAt', 'revokedReason', 'revokedById', 'supersededAt', 'supersededByCode'])
        IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['state', 'revokedAt', 'revokedReason', 'revokedById', 'supersededAt', 'supersededByCode'])
  THEN
    RAISE EXCEPTION 'A certificate only moves from VALID to SUPERSEDED or REVOKED; its issued fields never change';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Certificate_state_only"
BEFORE UPDATE OR DELETE ON "Certificate"
FOR EACH ROW EXECUTE FUNCTION "certificate_state_only"();

CREATE TRIGGER "Certificate_no_truncate"
BEFORE TRUNCATE ON "Certificate"
FOR EACH STATEMENT EXECUTE FUNCTION "refuse_truncate"();
