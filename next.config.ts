import type { NextConfig } from "next";
import { contentSecurityPolicy } from "./src/lib/content-security-policy";

const production = process.env.NODE_ENV === "production";

const securityHeaders = [
  // Every response; pages get a stricter one with a nonce besides (src/proxy.ts).
  { key: "Content-Security-Policy", value: contentSecurityPolicy({ development: !production }) },
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
