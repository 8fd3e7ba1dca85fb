import "server-only";
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import { maskIdNumber } from "@/domain/identity";
import { env } from "@/lib/env";

// The ID number is personal data. It is stored three ways, none of them in clear:
// an HMAC (exact lookup and login), AES-256-GCM ciphertext (the provincial export needs the
// full number), and the masked form for display.

/** Keyed hash of a normalized ID number, hex: the lookup key. */
export function hashIdNumber(value: string): string {
  return createHmac("sha256", Buffer.from(env().ID_HMAC_KEY, "base64")).update(value, "utf8").digest("hex");
}

const VERSION = "v1";

// The encryption key as a KeyObject, made once per configured value: an export decrypts 500,000
// numbers, and decoding the key for each cost a tenth of the time.
let encryptionKey: { text: string; key: KeyObject } | null = null;

function encryptionKeyObject(): KeyObject {
  const text = env().ID_ENCRYPTION_KEY;
  if (encryptionKey?.text !== text) encryptionKey = { text, key: createSecretKey(Buffer.from(text, "base64")) };
  return encryptionKey.key;
}

/** AES-256-GCM with a random nonce: `v1.<nonce>.<tag>.<ciphertext>` in base64url. */
export function encryptIdNumber(value: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKeyObject(), nonce);
  const ciphertext = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return [VERSION, nonce, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function decryptIdNumber(blob: string): string {
  const [version, nonce, tag, ciphertext] = blob.split(".");
  if (version !== VERSION || !nonce || !tag || !ciphertext) throw new Error("Unrecognized ID number ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKeyObject(), Buffer.from(nonce, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  // final() checks the tag: a changed ciphertext throws instead of decrypting.
  return decipher.update(ciphertext, "base64url", "utf8") + decipher.final("utf8");
}

/** The three stored forms of a normalized (parseIdNumber) ID number. */
export function protectIdNumber(value: string) {
  return {
    idNumberHmac: hashIdNumber(value),
    idNumberEncrypted: encryptIdNumber(value),
    idNumberMasked: maskIdNumber(value),
  };
}
