/**
 * 学时证明: the certificate's number and what its Ed25519 signature covers (ADR 0027). Pure: the
 * server issues with it, and anyone with the public key verifies a printed certificate with it.
 */
export {
  CERTIFICATE_CODE_BYTES,
  CERTIFICATE_CODE_LENGTH,
  displayCertificateCode,
  encodeCertificateCode,
  parseCertificateCode,
} from "./code";
export { CERTIFICATE_PAYLOAD_VERSION, canonicalCertificatePayload, parseCertificatePayload } from "./payload";
export type { CertificatePayload } from "./payload";
