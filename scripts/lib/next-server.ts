// Building and serving the Next.js app from scripts (npm start, the end-to-end test server).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildFingerprint, distDir, isBuildCurrent, writeBuildStamp } from "./build-fingerprint";
import { buildServerBundle, EXPORT_PROCESS_BUNDLE, SERVER_BUNDLE, SPREADSHEET_PROCESS_BUNDLE } from "./build-server";

/** An environment for a child process (plain strings; NODE_ENV is set by the caller). */
export type Env = Record<string, string | undefined>;

// The portal runs in networks without Internet access: Next.js must not try to send telemetry.
const OFFLINE = { NEXT_TELEMETRY_DISABLED: "1" };

export function nextBin(): string {
  return createRequire(import.meta.url).resolve("next/dist/bin/next");
}

/**
 * Runs `next build` and bundles the production server, unless the existing build was made from
 * the current sources.
 */
export async function ensureProductionBuild(root: string, env: Env): Promise<void> {
  const fingerprint = buildFingerprint(root);
  const dir = distDir(env);
  const bundles = [SERVER_BUNDLE, EXPORT_PROCESS_BUNDLE, SPREADSHEET_PROCESS_BUNDLE].map((name) =>
    join(root, dir, name),
  );
  if (isBuildCurrent(root, dir, fingerprint) && bundles.every((path) => existsSync(path))) {
    console.log("The production build is current.");
    return;
  }
  console.log("Building the portal (next build) ...");
  const built = spawnSync(process.execPath, [nextBin(), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", ...OFFLINE },
  });
  if (built.status !== 0) throw new Error(`next build failed with exit code ${built.status}`);
  await buildServerBundle(root, dir);
  writeBuildStamp(root, dir, fingerprint);
}

/**
 * V8 flags of the production server. Without a cap V8 lets the heap grow as long as the machine
 * has memory before it collects in earnest: under 50 connections at 500,000 learners the server
 * went from 238 to 952 MB and stayed there; capped at 384 MB it peaked at 502 MB and served more
 * pages with a lower p99 (110 against 101 req/s, p99 677 against 837 ms; 2026-12-04, with the
 * render gate at 4, docs/benchmarks/scale.md).
 */
export const PRODUCTION_SERVER_FLAGS = ["--max-old-space-size=384"];

/**
 * Serves the portal: `next dev` in development, otherwise the production server (scripts/serve.ts:
 * Next.js behind the portal's own listener for the hot paths, src/server/http).
 */
export function serveNext(opts: {
  root: string;
  dev: boolean;
  port: string;
  env: Env;
  /** Flags for node itself, before the script (a benchmark's --cpu-prof). */
  nodeOptions?: readonly string[];
}): ChildProcess {
  const script = opts.dev ? [nextBin(), "dev", "-p", opts.port] : [join(distDir(opts.env), SERVER_BUNDLE), opts.port];
  const flags = opts.dev ? [] : PRODUCTION_SERVER_FLAGS;
  return spawn(process.execPath, [...flags, ...(opts.nodeOptions ?? []), ...script], {
    cwd: opts.root,
    stdio: "inherit",
    // Two malloc arenas instead of one per allocating thread: glibc keeps what a thread freed in
    // its own 64 MB arena (0016). The export processes inherit it. The operator may set another.
    env: { MALLOC_ARENA_MAX: "2", ...opts.env, NODE_ENV: opts.dev ? "development" : "production", ...OFFLINE },
  });
}
