import { contentSecurityPolicy } from "./content-security-policy";

/**
 * The headers every response carries, in one place: next.config.ts sets them on whatever Next.js
 * answers, and the portal's own listener (src/server/http/) on the JSON it answers itself. Pages
 * get a stricter Content-Security-Policy with a nonce besides (src/proxy.ts).
 */
export function securityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy({ development: !production }) },
    // Browsers heed it only over HTTPS (an intranet on plain HTTP is unaffected).
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }] : []),
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
