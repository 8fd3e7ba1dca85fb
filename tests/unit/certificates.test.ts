// 学时证明: the code's format and randomness, the payload's one canonical form, and the Ed25519
// signature that a changed field breaks, checked with nothing but the public key.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  CERTIFICATE_CODE_LENGTH,
  canonicalCertificatePayload,
  displayCertificateCode,
  encodeCertificateCode,
  parseCertificateCode,
  parseCertificatePayload,
  type CertificatePayload,
} from "../../src/domain/certificates";
import { maskIdNumberForCertificate } from "../../src/domain/identity";
import {
  certificateQrText,
  readCertificateQrText,
  signCertificatePayload,
  verifyCertificateSignature,
} from "../../src/server/certificates/certificate-signature";

const PAYLOAD: CertificatePayload = {
  code: "7KQ2M9XD4RTAZP3C",
  idNumberHmac: "a".repeat(64),
  name: "李明",
  year: 2024,
  publicCredits: 36,
  professionalCredits: 60,
  totalCredits: 96,
  issuedOn: "2024-11-30",
};

describe("certificate code", () => {
  it("is 16 Crockford base32 characters carrying all 80 random bits", () => {
    const codes = new Set<string>();
    const seen = Array.from({ length: CERTIFICATE_CODE_LENGTH }, () => new Set<string>());
    for (let i = 0; i < 2000; i++) {
      const code = encodeCertificateCode(randomBytes(10));
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
      codes.add(code);
      [...code].forEach((ch, p) => seen[p]!.add(ch));
    }
    expect(codes.size).toBe(2000);
    // Every position takes (nearly) all 32 symbols: none is fixed or sequential.
    for (const symbols of seen) expect(symbols.size).toBeGreaterThan(28);
    expect(encodeCertificateCode(new Uint8Array(10))).toBe("0000000000000000");
    expect(encodeCertificateCode(new Uint8Array(10).fill(255))).toBe("ZZZZZZZZZZZZZZZZ");
    expect(() => encodeCertificateCode(new Uint8Array(8))).toThrow(RangeError);
  });

  it.each([
    ["7KQ2-M9XD-4RTA-ZP3C", "7KQ2M9XD4RTAZP3C"],
    ["7kq2 m9xd 4rta zp3c", "7KQ2M9XD4RTAZP3C"],
    ["OIL0-0000-0000-0000", "0110000000000000"],
  ])("reads %s as typed from paper", (typed, code) => {
    expect(parseCertificateCode(typed)).toBe(code);
  });

  it.each(["", "7KQ2M9XD4RTAZP3", "7KQ2M9XD4RTAZP3CX", "7KQ2M9XD4RTAZP3U", "../../etc/passwd", "x".repeat(100)])(
    "refuses %s",
    (text) => {
      expect(parseCertificateCode(text)).toBeNull();
    },
  );

  it("is printed in groups of four", () => {
    expect(displayCertificateCode("7KQ2M9XD4RTAZP3C")).toBe("7KQ2-M9XD-4RTA-ZP3C");
  });
});

describe("canonical payload", () => {
  it("is one JSON array in a fixed order, whatever order the fields were given in", () => {
    const shuffled = Object.fromEntries(Object.entries(PAYLOAD).reverse()) as unknown as CertificatePayload;
    expect(canonicalCertificatePayload(shuffled)).toBe(canonicalCertificatePayload(PAYLOAD));
    expect(canonicalCertificatePayload(PAYLOAD)).toBe(
      `["wh-kjxx-certificate/1","7KQ2M9XD4RTAZP3C","${"a".repeat(64)}","李明",2024,36,60,96,"2024-11-30"]`,
    );
  });

  it("normalizes the name to NFC, so that the same name signs the same", () => {
    const decomposed = { ...PAYLOAD, name: "Zoe\u0301" };
    expect(canonicalCertificatePayload(decomposed)).toBe(canonicalCertificatePayload({ ...PAYLOAD, name: "Zoé" }));
  });

  it("refuses fractions, dates in another form and a malformed HMAC", () => {
    expect(() => canonicalCertificatePayload({ ...PAYLOAD, totalCredits: 90.5 })).toThrow(RangeError);
    expect(() => canonicalCertificatePayload({ ...PAYLOAD, issuedOn: "2024/11/30" })).toThrow(RangeError);
    expect(() => canonicalCertificatePayload({ ...PAYLOAD, idNumberHmac: "abc" })).toThrow(RangeError);
  });

  it("parses back only its own canonical form", () => {
    const text = canonicalCertificatePayload(PAYLOAD);
    expect(parseCertificatePayload(text)).toEqual(PAYLOAD);
    expect(parseCertificatePayload(text.replace("[", "[ "))).toBeNull();
    expect(parseCertificatePayload(text.replace("wh-kjxx-certificate/1", "other/1"))).toBeNull();
    expect(parseCertificatePayload("not json")).toBeNull();
  });
});

describe("signature", () => {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const signature = signCertificatePayload(PAYLOAD, privateKey);

  it("verifies with the public key alone", () => {
    expect(verifyCertificateSignature(PAYLOAD, signature, publicKey)).toBe(true);
    expect(verifyCertificateSignature(PAYLOAD, signature, publicKey.export({ format: "pem", type: "spki" }).toString())).toBe(
      true,
    );
  });

  it.each(Object.keys(PAYLOAD) as (keyof CertificatePayload)[])("refuses when %s changed", (field) => {
    const original = PAYLOAD[field];
    const changed =
      typeof original === "number"
        ? original + 1
        : field === "idNumberHmac"
          ? "b".repeat(64)
          : field === "issuedOn"
            ? "2024-12-01"
            : `${original}X`;
    expect(verifyCertificateSignature({ ...PAYLOAD, [field]: changed }, signature, publicKey)).toBe(false);
  });

  it("refuses another key's signature and garbage", () => {
    const other = generateKeyPairSync("ed25519");
    expect(verifyCertificateSignature(PAYLOAD, signCertificatePayload(PAYLOAD, other.privateKey), publicKey)).toBe(false);
    expect(verifyCertificateSignature(PAYLOAD, "not-a-signature", publicKey)).toBe(false);
  });

  it("travels in the QR code's fragment and is read back from it", () => {
    const qr = certificateQrText("https://kjxx.example.cn/verify/7KQ2M9XD4RTAZP3C", PAYLOAD, signature);
    expect(qr.startsWith("https://kjxx.example.cn/verify/7KQ2M9XD4RTAZP3C#")).toBe(true);
    expect(qr).not.toContain("李明"); // encoded, so the URL stays plain ASCII
    const read = readCertificateQrText(qr);
    expect(read).toEqual({ payload: PAYLOAD, signature });
    expect(verifyCertificateSignature(read!.payload, read!.signature, publicKey)).toBe(true);
    expect(readCertificateQrText("https://kjxx.example.cn/verify/7KQ2M9XD4RTAZP3C")).toBeNull();
  });
});

describe("masked ID number on a certificate", () => {
  it("keeps the region code and the last four", () => {
    expect(maskIdNumberForCertificate("420102198001011238")).toBe("420102********1238");
  });
});
