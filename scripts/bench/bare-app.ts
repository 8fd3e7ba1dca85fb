// The bare page of npm run bench:pages (scripts/bench/bare-app/): a minimal App Router app built
// with the repository's own Next.js and React in the same mode as the portal (next build,
// Turbopack), rebuilt only when its sources or those versions changed, and served by next start.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isBuildCurrent, writeBuildStamp } from "../lib/build-fingerprint";
import { nextBin, type Env } from "../lib/next-server";

const APP_DIR = fileURLToPath(new URL("./bare-app/", import.meta.url));
// Next.js's default build folder, inside the fixture (gitignored).
const DIST_DIR = ".next";
// Written by next build, not sources.
const NOT_SOURCES = new Set([DIST_DIR, "next-env.d.ts", "node_modules"]);

const SERVER_ENV: Env = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  // As the portal's server has it (scripts/lib/next-server.ts): the same allocator behaviour.
  MALLOC_ARENA_MAX: "2",
};

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    if (NOT_SOURCES.has(entry) || entry.endsWith(".tsbuildinfo")) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sources(path);
    else yield path;
  }
}

/** The installed version of a package of the root node_modules. */
export function installedVersion(name: string): string {
  const entry = createRequire(import.meta.url).resolve(name);
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const json = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
    if (json.name === name) return json.version ?? "unknown";
  }
  return "unknown";
}

function fingerprint(): string {
  const hash = createHash("sha256");
  for (const name of ["next", "react", "react-dom"]) hash.update(`${name}@${installedVersion(name)}\0`);
  for (const file of sources(APP_DIR)) hash.update(relative(APP_DIR, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex");
}

/** Builds the fixture for production unless its build is current. */
export function ensureBareBuild(): void {
  const stamp = fingerprint();
  if (isBuildCurrent(APP_DIR, DIST_DIR, stamp)) {
    console.log("The bare page build is current.");
    return;
  }
  console.log("Building the bare page (next build scripts/bench/bare-app) ...");
  // Run from the fixture's folder: Next.js takes the project from there (its tsconfig, .env).
  const built = spawnSync(process.execPath, [nextBin(), "build"], {
    cwd: APP_DIR,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...SERVER_ENV },
  });
  if (built.status !== 0) throw new Error(`next build of the bare page failed with exit code ${built.status}`);
  writeBuildStamp(APP_DIR, DIST_DIR, stamp);
}

/** Serves the built fixture with next start; resolves once its page answers. */
export async function startBareApp(port: number) {
  const server: ChildProcess = spawn(process.execPath, [nextBin(), "start", "-p", String(port)], {
    cwd: APP_DIR,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...SERVER_ENV },
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${base}/`).catch(() => null))?.ok; i++) {
    if (i > 60 || server.exitCode !== null) throw new Error(`the bare page at ${base} did not start`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    pid: server.pid!,
    stop: () => {
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
      return exited;
    },
  };
}
