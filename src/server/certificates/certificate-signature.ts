import "server-only";
import { createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { canonicalCertificatePayload, parseCertificatePayload, type CertificatePayload } from "@/domain/certificates";

const bytesOf = (payload: CertificatePayload) => Buffer.from(canonicalCertificatePayload(payload), "utf8");

/** Ed25519 signature of the payload, base64url. */
export function signCertificatePayload(payload: CertificatePayload, privateKey: KeyObject): string {
  return sign(null, bytesOf(payload), privateKey).toString("base64url");
}

export function verifyCertificateSignature(
  payload: CertificatePayload,
  signature: string,
  publicKey: KeyObject | string,
): boolean {
  const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
  try {
    return verify(null, bytesOf(payload), key, Buffer.from(signature, "base64url"));
  } catch {
    return false;
  }
}

/**
 * What the QR code says: the verification address, and after `#` (never sent to a server) the
 * payload and its signature, so that a scanner can check the paper against the public key
 * without a connection: `<verifyUrl>#<base64url payload>.<base64url signature>`.
 */
export function certificateQrText(verifyUrl: string, payload: CertificatePayload, signature: string): string {
  return `${verifyUrl}#${bytesOf(payload).toString("base64url")}.${signature}`;
}

/** The payload and signature a QR code carries, or null. */
export function readCertificateQrText(text: string): { payload: CertificatePayload; signature: string } | null {
  const fragment = text.split("#")[1];
  const [encoded, signature] = fragment?.split(".") ?? [];
  if (!encoded || !signature) return null;
  const payload = parseCertificatePayload(Buffer.from(encoded, "base64url").toString("utf8"));
  return payload ? { payload, signature } : null;
}
