// Bundles the production server (scripts/serve.ts and the portal modules it loads: the listener
// of src/server/http and its routes) into one plain JavaScript file beside the Next.js build, so
// that production runs on Node.js alone: no TypeScript loader hooking every module Next.js loads
// at run time.
// The export process (src/server/exports/export-process.ts) and the spreadsheet process
// (src/server/spreadsheets/spreadsheet-process.ts) are bundled beside it the same way.
// Packages stay external; `server-only` (a marker that throws outside React Server Components)
// resolves to an empty module, as Next.js resolves it for server code.
import { join } from "node:path";
import { build, type Plugin } from "esbuild";

const allowServerOnly: Plugin = {
  name: "allow-server-only",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    pluginBuild.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

export const SERVER_BUNDLE = "portal-server.mjs";
export const EXPORT_PROCESS_BUNDLE = "export-process.mjs";
export const SPREADSHEET_PROCESS_BUNDLE = "spreadsheet-process.mjs";

export async function buildServerBundle(root: string, distDir: string): Promise<string> {
  await build({
    entryPoints: [
      { in: join(root, "scripts/serve.ts"), out: SERVER_BUNDLE.replace(/\.mjs$/, "") },
      { in: join(root, "src/server/exports/export-process.ts"), out: EXPORT_PROCESS_BUNDLE.replace(/\.mjs$/, "") },
      {
        in: join(root, "src/server/spreadsheets/spreadsheet-process.ts"),
        out: SPREADSHEET_PROCESS_BUNDLE.replace(/\.mjs$/, ""),
      },
    ],
    outdir: join(root, distDir),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: join(root, "tsconfig.json"),
    plugins: [allowServerOnly],
    logLevel: "warning",
  });
  return join(root, distDir, SERVER_BUNDLE);
}
