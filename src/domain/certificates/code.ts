// 证书编号: the certificate's number is also its verification code, so it must not be guessable:
// 80 random bits (16 Crockford base32 characters), never a sequence. Crockford's alphabet has no
// I, L, O or U, and reading accepts the look-alikes a person types from paper (o → 0, i/l → 1),
// lower case, spaces and dashes.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CERTIFICATE_CODE_BYTES = 10;
export const CERTIFICATE_CODE_LENGTH = 16;

/** The code of 10 random bytes (from crypto.randomBytes), 5 bits per character. */
export function encodeCertificateCode(bytes: Uint8Array): string {
  if (bytes.length !== CERTIFICATE_CODE_BYTES) throw new RangeError(`need ${CERTIFICATE_CODE_BYTES} bytes`);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let i = CERTIFICATE_CODE_LENGTH - 1; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

/** A typed or scanned code in its stored form, or null when it cannot be one. */
export function parseCertificateCode(text: string): string | null {
  if (text.length > 40) return null;
  const code = text
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (code.length !== CERTIFICATE_CODE_LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}

/** Grouped by four for print and reading aloud: 7KQ2-M9XD-4RTA-ZP3C. */
export function displayCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}
