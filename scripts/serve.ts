// The production server's entry point: prepares Next.js and serves it behind the portal's own
// HTTP listener (src/server/http/create-portal-server.ts), which answers the hot paths of the
// route table (src/server/http/routes.ts) itself.
// Bundled into the build folder as plain JavaScript (scripts/lib/build-server.ts) and run with
// `node <build folder>/portal-server.mjs [port]`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import nextEnv from "@next/env";
import next from "next";

const port = Number(process.argv[2] ?? 3000);

// The configuration `next build` resolved, handed over as Next.js's own standalone server does:
// otherwise Next.js compiles next.config.ts again at every start, loading its SWC compiler
// (24 MB resident, measured) into a process that never compiles anything. Next.js then skips
// loading the .env files, which is done here as it would have done it.
nextEnv.loadEnvConfig(process.cwd(), false);
const built = JSON.parse(readFileSync(new URL("./required-server-files.json", import.meta.url), "utf8")) as {
  config: object;
};
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(built.config);

// Next.js must know where it listens: a server action that redirects renders the target page by
// requesting it from itself.
const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
const handleNext = app.getRequestHandler();
await app.prepare();

// Loaded once Next.js has set up its server environment (its async storage), which the
// session code behind the listener's routes relies on.
const { createPortalServer } = await import("../src/server/http/create-portal-server");
const { beatLog } = await import("../src/server/playback/beat-log");
// Export files and batches are written by short-lived processes of their own (0016), and
// uploaded workbooks read by one (0023): the bundles built beside this one.
const { setProcessEntry } = await import("../src/server/processes/process-entry");
setProcessEntry("export-process", fileURLToPath(new URL("./export-process.mjs", import.meta.url)));
setProcessEntry("spreadsheet-process", fileURLToPath(new URL("./spreadsheet-process.mjs", import.meta.url)));

const server = createPortalServer({ handleNext });
server.listen(port, () => console.log(`▲ Ready on http://localhost:${port}`));

async function shutdown() {
  server.close();
  // The raw heartbeat log is written in batches: its last rows are still in memory.
  await beatLog.flush().catch(() => 0);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
