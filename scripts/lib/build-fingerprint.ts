// Decides whether the production build is stale: a hash of everything `next build` reads.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// tsconfig.json is left out: next build itself rewrites it when a build folder is named.
const INPUTS = [
  "src",
  "public",
  "prisma/schema.prisma",
  "package-lock.json",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
];

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) yield* files(join(path, entry));
}

export function buildFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(join(root, input))) {
      hash.update(file.slice(root.length)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

/** The build folder: NEXT_DIST_DIR (see next.config.ts) or .next. */
export function distDir(env: Record<string, string | undefined>): string {
  return env.NEXT_DIST_DIR ?? ".next";
}

/** True when a production build exists in `dir` and was made from the current sources. */
export function isBuildCurrent(root: string, dir: string, fingerprint: string): boolean {
  const stamp = join(root, dir, "BUILD_FINGERPRINT");
  return existsSync(join(root, dir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint;
}

export function writeBuildStamp(root: string, dir: string, fingerprint: string): void {
  writeFileSync(join(root, dir, "BUILD_FINGERPRINT"), fingerprint);
}
