// 学时证明 on real PostgreSQL: issued once when a year completes (also under 20 concurrent
// completions), superseded when a correction changes the figures, revoked when it takes the year
// below completion or when an administrator revokes it (within scope), the audit rows, the
// database's own guards, the backfill, and the public verification's answers.
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { readCertificateQrText, verifyCertificateSignature } from "../../src/server/certificates/certificate-signature";
import { currentYear } from "../../src/lib/time";
import { certificateDocument } from "../../src/server/certificates/certificate-document";
import { issueMissingCertificates } from "../../src/server/certificates/issue-missing-certificates";
import { readCertificateForVerification } from "../../src/server/certificates/read-certificate-for-verification";
import { reissueCertificate } from "../../src/server/certificates/reissue-certificate";
import { revokeCertificate } from "../../src/server/certificates/revoke-certificate";
import { signingKey } from "../../src/server/certificates/signing-key";
import { awardCourseCredits } from "../../src/server/credits/award-course-credits";
import { recordCreditAdjustment } from "../../src/server/credits/record-adjustment";
import { getDb } from "../../src/server/db";
import { listLearners } from "../../src/server/learners/list-learners";
import { createCourse, createEnrollment, createLearner, createStaff, recordCredits } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { sql } from "../support/sql";

const Y = currentYear() - 1;

const certificatesOf = (learnerId: string) =>
  getDb().certificate.findMany({ where: { learnerId }, orderBy: { issuedAt: "asc" } });

const auditOf = async (learnerId: string) =>
  (
    await sql<{ action: string }>(
      `SELECT "action" FROM "AuditLog" WHERE "targetId" = $1 AND "action" LIKE 'certificate.%' ORDER BY "id"`,
      [learnerId],
    )
  ).map((r) => r.action);

beforeAll(async () => {
  await seedReferenceData(getDb());
});

beforeEach(async () => {
  await truncateData(inject("databaseUrl"));
});

describe("issuing", () => {
  it("issues one certificate when the year completes, signed over what it states", async () => {
    const staff = await createStaff();
    const learner = await createLearner({ startYear: Y, name: "王𠮷" });
    await recordCredits(learner.id, Y, { professional: 60 }, staff.id);
    expect(await certificatesOf(learner.id)).toHaveLength(0);
    await recordCredits(learner.id, Y, { public: 30 }, staff.id);

    const [certificate, ...more] = await certificatesOf(learner.id);
    expect(more).toHaveLength(0);
    expect(certificate).toMatchObject({
      state: "VALID",
      year: Y,
      name: "王𠮷",
      publicCredits: 30,
      professionalCredits: 60,
      totalCredits: 90,
      hoursTenths: 300,
      districtName: "江岸区",
    });
    expect(certificate!.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(certificate!.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(await auditOf(learner.id)).toEqual(["certificate.issue"]);

    // The QR code's payload verifies against the public key alone, and a changed field does not.
    const doc = certificateDocument({ ...certificate!, districtId: 0 }, "https://kjxx.example.cn");
    expect(doc.verifyUrl).toBe(`https://kjxx.example.cn/verify/${certificate!.code}`);
    const carried = readCertificateQrText(doc.qrText);
    expect(carried?.payload).toMatchObject({ code: certificate!.code, name: "王𠮷", totalCredits: 90 });
    expect(verifyCertificateSignature(carried!.payload, carried!.signature, signingKey().publicPem)).toBe(true);
    expect(
      verifyCertificateSignature({ ...carried!.payload, totalCredits: 91 }, carried!.signature, signingKey().publicPem),
    ).toBe(false);
  });

  it("issues exactly one under 20 concurrent completions of the same year", async () => {
    const learner = await createLearner({ startYear: Y });
    const staff = await createStaff();
    await recordCredits(learner.id, Y, { public: 30 }, staff.id);
    const course = await createCourse({ credits: 60 });
    await createEnrollment(learner.id, course.id, { creditYear: Y, status: "EXAM_PENDING" });

    // The same completing award 20 times at once (a retried hand-in, several tabs).
    await Promise.all(
      Array.from({ length: 20 }, () => awardCourseCredits({ learnerId: learner.id, courseId: course.id })),
    );

    expect((await certificatesOf(learner.id)).map((c) => [c.year, c.state, c.totalCredits])).toEqual([
      [Y, "VALID", 90],
    ]);
    expect(await auditOf(learner.id)).toEqual(["certificate.issue"]);
  });

  it("keeps one current certificate per year under 20 concurrent awards that complete and go beyond", async () => {
    const learner = await createLearner({ startYear: Y });
    const staff = await createStaff();
    await recordCredits(learner.id, Y, { public: 30 }, staff.id);
    const courses = await Promise.all(Array.from({ length: 20 }, () => createCourse({ credits: 60 })));
    for (const course of courses) await createEnrollment(learner.id, course.id, { creditYear: Y, status: "EXAM_PENDING" });

    await Promise.all(courses.map((course) => awardCourseCredits({ learnerId: learner.id, courseId: course.id })));

    // The first award completes Y; the others go to the next year (prior year first), which
    // completes at the second of them and is superseded by each one after.
    const certificates = await certificatesOf(learner.id);
    expect(certificates.filter((c) => c.year === Y).map((c) => [c.state, c.totalCredits])).toEqual([["VALID", 90]]);
    const next = certificates.filter((c) => c.year === Y + 1);
    expect(next.filter((c) => c.state === "VALID").map((c) => c.totalCredits)).toEqual([19 * 60]);
    expect(next.filter((c) => c.state === "SUPERSEDED")).toHaveLength(next.length - 1);
    const actions = await auditOf(learner.id);
    expect(actions.filter((a) => a === "certificate.issue")).toHaveLength(2);
    expect(actions.filter((a) => a === "certificate.supersede")).toHaveLength(next.length - 1);
  });

  it("backfills years completed before certificates existed, once", async () => {
    const staff = await createStaff();
    const learner = await createLearner({ startYear: Y });
    await recordCredits(learner.id, Y, { professional: 60, public: 30 }, staff.id);
    // As if completed before this release: the owner removes the certificate the writer issued.
    await sql(`ALTER TABLE "Certificate" DISABLE TRIGGER "Certificate_state_only"`);
    await sql(`DELETE FROM "Certificate"`);
    await sql(`ALTER TABLE "Certificate" ENABLE TRIGGER "Certificate_state_only"`);

    expect(await issueMissingCertificates({ batchSize: 1 })).toBe(1);
    expect(await issueMissingCertificates()).toBe(0);
    expect(await certificatesOf(learner.id)).toHaveLength(1);
  });
});

describe("kept true to the ledger", () => {
  it("supersedes the certificate when a correction changes the figures and the year stays complete", async () => {
    const staff = await createStaff();
    const learner = await createLearner({ startYear: Y });
    await recordCredits(learner.id, Y, { professional: 60, public: 30 }, staff.id);
    const [first] = await certificatesOf(learner.id);
    await recordCreditAdjustment({
      learnerId: learner.id,
      year: Y,
      category: "PROFESSIONAL",
      credits: 6,
      reason: "补录",
      recordedById: staff.id,
    });

    const [old, current] = await certificatesOf(learner.id);
    expect(old).toMatchObject({ code: first!.code, state: "SUPERSEDED", supersededByCode: current!.code });
    expect(current).toMatchObject({ state: "VALID", professionalCredits: 66, totalCredits: 96 });
    // The completion date stays the day the year was first completed.
    expect(current!.completedAt).toEqual(old!.completedAt);
    expect(await auditOf(learner.id)).toEqual(["certificate.issue", "certificate.supersede"]);

    const answer = await readCertificateForVerification(old!.code, "203.0.113.7");
    expect(answer).toMatchObject({ kind: "found", certificate: { state: "SUPERSEDED", currentCode: current!.code } });
  });

  it("revokes it (学分更正) when a correction takes the year below completion, and issues again when completed", async () => {
    const staff = await createStaff();
    const learner = await createLearner({ startYear: Y });
    await recordCredits(learner.id, Y, { professional: 60, public: 30 }, staff.id);
    await recordCreditAdjustment({
      learnerId: learner.id,
      year: Y,
      category: "PROFESSIONAL",
      credits: -10,
      reason: "重复登记",
      recordedById: staff.id,
    });
    const [revoked] = await certificatesOf(learner.id);
    expect(revoked).toMatchObject({ state: "REVOKED", revokedReason: "学分更正", revokedById: null });

    await recordCredits(learner.id, Y, { professional: 10 }, staff.id);
    const certificates = await certificatesOf(learner.id);
    expect(certificates.map((c) => c.state)).toEqual(["REVOKED", "VALID"]);
    expect(await auditOf(learner.id)).toEqual(["certificate.issue", "certificate.revoke", "certificate.issue"]);
  });

  it("refuses to change what was issued, to delete, or to make a revoked certificate valid again", async () => {
    const staff = await createStaff();
    const learner = await createLearner({ startYear: Y });
    await recordCredits(learner.id, Y, { professional: 60, public: 30 }, staff.id);
    const [c] = await certificatesOf(learner.id);
    await expect(sql(`UPDATE "Certificate" SET "totalCredits" = 120 WHERE "id" = $1`, [c!.id])).rejects.toThrow(
      /issued fields never change/,
    );
    await expect(sql(`DELETE FROM "Certificate" WHERE "id" = $1`, [c!.id])).rejects.toThrow(/DELETE is not allowed/);
    await expect(sql(`TRUNCATE "Certificate"`)).rejects.toThrow(/TRUNCATE is not allowed/);
    await sql(`UPDATE "Certificate" SET "state" = 'REVOKED', "revokedReason" = 'x' WHERE "id" = $1`, [c!.id]);
    await expect(sql(`UPDATE "Certificate" SET "state" = 'VALID' WHERE "id" = $1`, [c!.id])).rejects.toThrow();
    // A second VALID row for the learner-year is refused by the partial unique index.
    await recordCredits(learner.id, Y, { public: 3 }, staff.id);
    await expect(
      sql(
        `INSERT INTO "Certificate" SELECT 'dup', 'DUPLICATE0000000', "learnerId", "year", 'VALID', "name", "idNumberMasked",
           "idNumberHmac", "districtName", "employer", "publicCredits", "professionalCredits", "totalCredits",
           "hoursTenths", "completedAt", "issuer", "issuedAt", "signature", "keyId"
         FROM "Certificate" WHERE "learnerId" = $1 AND "state" = 'VALID'`,
        [learner.id],
      ),
    ).rejects.toThrow(/Certificate_one_valid_per_year/);
  });
});

describe("revocation by an administrator", () => {
  it("revokes with a reason within the district's scope, and only a reissue brings a new one", async () => {
    const city = await createStaff({ role: "CITY_ADMIN" });
    const wuchang = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "wuchang" });
    const jiangan = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "jiangan" });
    const support = await createStaff({ role: "SUPPORT" });
    const learner = await createLearner({ startYear: Y, districtCode: "jiangan" });
    await recordCredits(learner.id, Y, { professional: 60, public: 30 }, city.id);
    const [c] = await certificatesOf(learner.id);

    await expect(revokeCertificate(wuchang, { code: c!.code, reason: "材料不实" }, null)).rejects.toMatchObject({
      code: "CERTIFICATE_NOT_FOUND",
    });
    await expect(revokeCertificate(support, { code: c!.code, reason: "材料不实" }, null)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(revokeCertificate(jiangan, { code: c!.code, reason: "" }, null)).rejects.toThrow();
    await revokeCertificate(jiangan, { code: c!.code, reason: "材料不实" }, "198.51.100.1");
    expect((await certificatesOf(learner.id))[0]).toMatchObject({
      state: "REVOKED",
      revokedReason: "材料不实",
      revokedById: jiangan.id,
    });
    await expect(revokeCertificate(jiangan, { code: c!.code, reason: "再次" }, null)).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });

    // A later ledger entry does not undo the administrator's revocation.
    await recordCredits(learner.id, Y, { public: 3 }, city.id);
    expect((await certificatesOf(learner.id)).map((x) => x.state)).toEqual(["REVOKED"]);
    await reissueCertificate(jiangan, { code: c!.code });
    expect((await certificatesOf(learner.id)).map((x) => [x.state, x.totalCredits])).toEqual([
      ["REVOKED", 90],
      ["VALID", 93],
    ]);
    expect(await auditOf(learner.id)).toEqual(["certificate.issue", "certificate.revoke", "certificate.issue"]);

    const answer = await readCertificateForVerification(c!.code, null);
    expect(answer).toMatchObject({ kind: "found", certificate: { state: "REVOKED", revokedReason: "材料不实" } });
  });
});

describe("the completion review's filter", () => {
  it("lists the learners with and without a current certificate of the chosen year, within scope", async () => {
    const city = await createStaff({ role: "CITY_ADMIN" });
    const jiangan = await createStaff({ role: "DISTRICT_ADMIN", districtCode: "jiangan" });
    const holder = await createLearner({ startYear: Y, districtCode: "jiangan" });
    const revoked = await createLearner({ startYear: Y, districtCode: "jiangan" });
    const none = await createLearner({ startYear: Y, districtCode: "jiangan" });
    const elsewhere = await createLearner({ startYear: Y, districtCode: "wuchang" });
    for (const l of [holder, revoked, elsewhere]) await recordCredits(l.id, Y, { professional: 60, public: 30 }, city.id);
    const [c] = await certificatesOf(revoked.id);
    await revokeCertificate(city, { code: c!.code, reason: "材料不实" }, null);

    const ids = async (staff: typeof city, filters: Record<string, string>) =>
      (await listLearners(staff, filters)).rows.map((r) => r.id).sort();
    expect(await ids(city, { year: String(Y), certificate: "WITH" })).toEqual([holder.id, elsewhere.id].sort());
    expect(await ids(jiangan, { year: String(Y), certificate: "WITH" })).toEqual([holder.id]);
    expect(await ids(jiangan, { year: String(Y), certificate: "WITHOUT" })).toEqual([revoked.id, none.id].sort());
    // Another year: nobody holds one; a bad value is no filter.
    expect(await ids(jiangan, { year: String(Y - 1), certificate: "WITH" })).toEqual([]);
    expect(await ids(jiangan, { year: String(Y), certificate: "maybe" })).toHaveLength(3);
  });
});

describe("public verification", () => {
  it("answers an unknown and a malformed code alike, and throttles an address that tries many", async () => {
    const unknown = await readCertificateForVerification("7KQ2-M9XD-4RTA-ZP3C", "192.0.2.10");
    const malformed = await readCertificateForVerification("not a code!", "192.0.2.10");
    expect(unknown).toEqual({ kind: "unknown" });
    expect(malformed).toEqual(unknown);
    for (let i = 0; i < 28; i++) await readCertificateForVerification(`x${i}`, "192.0.2.10");
    expect(await readCertificateForVerification("7KQ2M9XD4RTAZP3C", "192.0.2.10")).toMatchObject({ kind: "throttled" });
    // Another address is not affected.
    expect(await readCertificateForVerification("7KQ2M9XD4RTAZP3C", "192.0.2.11")).toEqual({ kind: "unknown" });
  });
});
