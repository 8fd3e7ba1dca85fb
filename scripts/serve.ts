// The production server: Next.js behind the portal's own HTTP listener, which answers the hot
// paths — playback heartbeats, thousands a second at the year-end deadline, and the exam's
// start / answer / hand-in requests — itself, without Next.js's per-request machinery (a few
// milliseconds of CPU a request, see docs/decisions/0013-heartbeat-listener.md and
// 0015-exam-endpoints.md). Everything else goes to Next.js unchanged.
// Bundled into the build folder as plain JavaScript (scripts/lib/build-server.ts) and run with
// `node <build folder>/portal-server.mjs [port]`.
import { readFileSync } from "node:fs";
import http from "node:http";
import { fileURLToPath } from "node:url";
import nextEnv from "@next/env";
import next from "next";

const HEARTBEAT_PATH = "/api/playback/heartbeat";
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
const handle = app.getRequestHandler();
await app.prepare();

// Loaded once Next.js has set up its server environment (its async storage), which the
// session code relies on.
const { answerHeartbeat, MAX_HEARTBEAT_BODY_CHARS } = await import("../src/server/playback/answer-heartbeat");
const { beatLog } = await import("../src/server/playback/beat-log");
const { answerExamRequest, isExamEndpointPath, MAX_EXAM_BODY_CHARS } =
  await import("../src/server/exams/answer-exam-request");
const { env } = await import("../src/lib/env");
const { parseTrustedProxies, trustForwardedFor } = await import("../src/server/request/trust-forwarded-for");
const trustedProxies = parseTrustedProxies(env().TRUSTED_PROXIES);
// Export files and batches are written by short-lived processes of their own (0016): the bundle
// built beside this one.
const { setExportProcessEntry } = await import("../src/server/exports/run-export-process");
setExportProcessEntry(fileURLToPath(new URL("./export-process.mjs", import.meta.url)));

/**
 * A request body as text, or null beyond `limit` characters: reading stops there (a declared
 * length over four bytes a character stops it before any), and the caller answers 413 on a
 * connection that then closes, so the rest of the body is never read.
 */
function readBody(request: http.IncomingMessage, limit: number): Promise<string | null> {
  if (Number(request.headers["content-length"] ?? 0) > limit * 4) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    let text = "";
    request.setEncoding("utf8");
    const onData = (chunk: string) => {
      text += chunk;
      if (text.length > limit) {
        request.off("data", onData);
        request.pause();
        resolve(null);
      }
    };
    request.on("data", onData);
    request.on("end", () => resolve(text));
    request.on("error", reject);
  });
}

/** Answers JSON; after a body too large to read, on a connection that closes. */
function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
) {
  response.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    ...(status === 413 ? { connection: "close" } : {}),
    ...headers,
  });
  response.end(JSON.stringify(body));
}

async function heartbeat(request: http.IncomingMessage, response: http.ServerResponse) {
  const text = await readBody(request, MAX_HEARTBEAT_BODY_CHARS);
  const { status, body } =
    text === null
      ? { status: 413, body: { error: "too large" } }
      : await answerHeartbeat(request.headers.cookie ?? null, text);
  sendJson(response, status, body);
}

// The exam's hot requests (start, save an answer, hand in), hundreds at the same minute at year
// end: answered here too (docs/decisions/0015-exam-endpoints.md).
async function examRequest(
  path: Parameters<typeof answerExamRequest>[0],
  request: http.IncomingMessage,
  response: http.ServerResponse,
) {
  const bodyText = await readBody(request, MAX_EXAM_BODY_CHARS);
  const headers = {
    get: (name: string) => {
      const value = request.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
  const { status, body } = await answerExamRequest(path, { headers, bodyText });
  sendJson(response, status, body, { "x-content-type-options": "nosniff" });
}

/** The path of a request target, without its query string. */
const pathOf = (url: string | undefined) => (url ?? "").split("?", 1)[0];

const server = http.createServer((request, response) => {
  trustForwardedFor(request.headers, request.socket.remoteAddress, trustedProxies);
  if (request.method === "POST" && pathOf(request.url) === HEARTBEAT_PATH) {
    heartbeat(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
    return;
  }
  const path = pathOf(request.url) ?? "";
  if (request.method === "POST" && isExamEndpointPath(path)) {
    examRequest(path, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
    return;
  }
  void handle(request, response);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`▲ Ready on http://localhost:${port}`));

async function shutdown() {
  server.close();
  await beatLog.flush().catch(() => 0);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
