import "server-only";
import { createHash, createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";
import { env } from "@/lib/env";

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** First 16 hex digits of the SHA-256 of the raw public key: which key signed a certificate. */
  keyId: string;
  publicPem: string;
  publicJwk: JsonWebKey & { kid: string; alg: "EdDSA"; use: "sig" };
}

// An Ed25519 private key in PKCS#8 DER is this fixed prefix and the 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

let cached: { seed: string; key: SigningKey } | null = null;

/** The certificate signing key of CERTIFICATE_SIGNING_KEY (a 32-byte seed), made once per value. */
export function signingKey(): SigningKey {
  const seed = env().CERTIFICATE_SIGNING_KEY;
  if (cached?.seed === seed) return cached.key;
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, Buffer.from(seed, "base64")]),
    format: "der",
    type: "pkcs8",
  });
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: "jwk" });
  const keyId = createHash("sha256")
    .update(Buffer.from(jwk.x ?? "", "base64url"))
    .digest("hex")
    .slice(0, 16);
  const key: SigningKey = {
    privateKey,
    publicKey,
    keyId,
    publicPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
    publicJwk: { ...jwk, kid: keyId, alg: "EdDSA", use: "sig" },
  };
  cached = { seed, key };
  return key;
}
