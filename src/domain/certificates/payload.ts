// What a certificate's signature covers, written one way only. The payload is a JSON array in a
// fixed order (no key order to agree on, every value's type fixed), signed as its UTF-8 bytes:
// anyone with the public key can rebuild it from the QR code and check the signature offline
// (src/server/certificates/certificate-signature.ts signs and verifies).

export const CERTIFICATE_PAYLOAD_VERSION = "wh-kjxx-certificate/1";

export interface CertificatePayload {
  code: string;
  /** The learner's ID-number HMAC (hex, as stored): binds the certificate to one person. */
  idNumberHmac: string;
  name: string;
  year: number;
  publicCredits: number;
  professionalCredits: number;
  totalCredits: number;
  /** YYYY-MM-DD in Asia/Shanghai. */
  issuedOn: string;
}

/** The signed text (signed as UTF-8). */
export function canonicalCertificatePayload(p: CertificatePayload): string {
  for (const n of [p.year, p.publicCredits, p.professionalCredits, p.totalCredits]) {
    if (!Number.isInteger(n)) throw new RangeError(`certificate figures are integers, got ${n}`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.issuedOn)) throw new RangeError(`issuedOn is YYYY-MM-DD, got ${p.issuedOn}`);
  if (!/^[0-9a-f]{64}$/.test(p.idNumberHmac)) throw new RangeError("idNumberHmac is 64 hex digits");
  const fields = [
    CERTIFICATE_PAYLOAD_VERSION,
    p.code,
    p.idNumberHmac,
    p.name.normalize("NFC"),
    p.year,
    p.publicCredits,
    p.professionalCredits,
    p.totalCredits,
    p.issuedOn,
  ];
  return JSON.stringify(fields);
}

/** The payload back from its text (as carried in the QR code), or null when it is not one. */
export function parseCertificatePayload(text: string): CertificatePayload | null {
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 9 || fields[0] !== CERTIFICATE_PAYLOAD_VERSION) return null;
  const [, code, idNumberHmac, name, year, publicCredits, professionalCredits, totalCredits, issuedOn] = fields;
  if (![code, idNumberHmac, name, issuedOn].every((v) => typeof v === "string")) return null;
  if (![year, publicCredits, professionalCredits, totalCredits].every((v) => Number.isInteger(v))) return null;
  const payload = { code, idNumberHmac, name, year, publicCredits, professionalCredits, totalCredits, issuedOn };
  try {
    // Only what canonicalization accepts, and written back byte for byte.
    if (canonicalCertificatePayload(payload as CertificatePayload) !== text) return null;
  } catch {
    return null;
  }
  return payload as CertificatePayload;
}
