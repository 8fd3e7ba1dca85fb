import type { NextConfig } from "next";
import { securityHeaders } from "./src/lib/security-headers";
import { SERVER_ACTION_BODY_LIMIT_MB } from "./src/lib/server-action-limits";

const production = process.env.NODE_ENV === "production";

// Every response; pages get a stricter Content-Security-Policy with a nonce besides (src/proxy.ts).
const headers = securityHeaders(production);

const nextConfig: NextConfig = {
  // A separate build folder lets a second build (tests running beside a demo) coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  experimental: { serverActions: { bodySizeLimit: `${SERVER_ACTION_BODY_LIMIT_MB}mb` } },
  reactStrictMode: true,
  // Native and WASM packages are loaded by Node at run time, not bundled; so is pdfkit, which
  // finds its standard fonts through createRequire and "#" subpath imports of its own package,
  // and fontkit with it (the certificates hand pdfkit fonts fontkit parsed: one copy of each).
  serverExternalPackages: ["@node-rs/argon2", "pino", "@electric-sql/pglite", "@prisma/adapter-pg", "pg", "pdfkit", "fontkit"],
  async headers() {
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
