import type { NextConfig } from "next";

const production = process.env.NODE_ENV === "production";

// What pages may load. Scripts and styles only from the portal itself (Next.js's inline ones
// included: a nonce per request would also stop injected inline scripts; not done yet). Lesson
// videos, covers and HLS segments may come from any http(s) server an administrator entered, and
// hls.js feeds the player through blob: URLs. No plugins, no framing, forms post only here.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: http: https:",
  "media-src 'self' blob: http: https:",
  `connect-src 'self' http: https:${production ? "" : " ws: wss:"}`,
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  // Browsers heed it only over HTTPS (an intranet on plain HTTP is unaffected).
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }] : []),
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // A separate build folder lets a second build (tests running beside a demo) coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Learner imports (up to 5 MB of XLSX/CSV) are posted to server actions; the default is 1 MB.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  reactStrictMode: true,
  // Native and WASM packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "pino", "@electric-sql/pglite", "@prisma/adapter-pg", "pg"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
