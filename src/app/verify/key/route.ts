import { signingKey } from "@/server/certificates/signing-key";

export const dynamic = "force-dynamic";

// The certificates' public key, for offline verification of the signature in a QR code: PEM by
// default, a JWK (application/jwk+json) with ?format=jwk.
export function GET(request: Request): Response {
  const key = signingKey();
  const jwk = new URL(request.url).searchParams.get("format") === "jwk";
  return new Response(jwk ? JSON.stringify(key.publicJwk) : key.publicPem, {
    headers: {
      "content-type": jwk ? "application/jwk+json" : "application/x-pem-file; charset=utf-8",
      "cache-control": "public, max-age=3600",
      "x-key-id": key.keyId,
    },
  });
}
