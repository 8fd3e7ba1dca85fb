import "server-only";
import http from "node:http";
import { availableParallelism } from "node:os";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { securityHeaders } from "@/lib/security-headers";
import { SERVER_ACTION_BODY_LIMIT_BYTES, SERVER_ACTION_BODY_LIMIT_MB } from "@/lib/server-action-limits";
import { isOwnOrigin } from "@/server/request/is-same-origin-json";
import { readCappedBody } from "@/server/request/read-capped-body";
import { parseTrustedProxies, trustForwardedFor, type TrustedProxies } from "@/server/request/trust-forwarded-for";
import { renderGate } from "./render-gate";
import { EDGE_ROUTES, type EdgeRoute, type ListenerRoute } from "./routes";
import { commonMessages } from "@/messages/zh-CN";

export interface PortalServerOptions {
  /** Next.js's request handler: every request the route table does not answer. */
  handleNext: (request: http.IncomingMessage, response: http.ServerResponse) => unknown;
  /** Default: TRUSTED_PROXIES. */
  trustedProxies?: TrustedProxies;
  /** Default: EDGE_ROUTES. */
  routes?: readonly EdgeRoute[];
  /** Pages rendered at once. Default: PAGE_RENDER_CONCURRENCY, else twice the cores. */
  renderConcurrency?: number;
}

/** The path of a request target, without its query string. */
const pathOf = (url: string | undefined) => (url ?? "").split("?", 1)[0];

/** The header reader of the handlers, over Node's lower-cased header object. */
const headerReader = (headers: http.IncomingHttpHeaders) => ({
  get: (name: string) => {
    const value = headers[name];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  },
});

// What next.config.ts puts on every Next.js response, for the rare answers made here that are not
// the route table's JSON (refused server actions, a failed request).
let headersOfEveryResponse: Record<string, string> | undefined;
const everyResponse = () =>
  (headersOfEveryResponse ??= Object.fromEntries(
    securityHeaders(env().NODE_ENV === "production").map(({ key, value }) => [key.toLowerCase(), value]),
  ));

async function answer(route: ListenerRoute, request: http.IncomingMessage, response: http.ServerResponse) {
  const bodyText = await readCappedBody(request, route.maxBodyChars);
  const { status, body } = await route.answer({ headers: headerReader(request.headers), bodyText });
  // JSON is never rendered as a document, so of every response's headers it needs only these two:
  // not sniffed into HTML, never framed. (The whole set, ~700 bytes validated and written per
  // response, cost a third more CPU per heartbeat: 0.42 against 0.29 ms, heartbeats bench.)
  response.writeHead(status, {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "content-type": "application/json",
    "cache-control": "no-store",
    // The rest of an oversized body was never read: the connection cannot carry another request.
    ...(bodyText === null ? { connection: "close" } : {}),
  });
  response.end(JSON.stringify(body));
}

/**
 * A server action Next.js would refuse with a bare 500 (its own Origin check) or after reading
 * more than its limit: answered here instead, in Chinese. The checks stay Next.js's too.
 */
function refuseServerAction(request: http.IncomingMessage): { status: number; message: string } | null {
  if (request.method !== "POST" || request.headers["next-action"] === undefined) return null;
  const headers = headerReader(request.headers);
  if (headers.get("origin") !== null && !isOwnOrigin(headers)) {
    logger.warn({ origin: headers.get("origin"), path: pathOf(request.url) }, "server action refused: foreign origin");
    return { status: 403, message: commonMessages.badOrigin };
  }
  if (Number(request.headers["content-length"]) > SERVER_ACTION_BODY_LIMIT_BYTES) {
    return { status: 413, message: commonMessages.bodyTooLarge(SERVER_ACTION_BODY_LIMIT_MB) };
  }
  return null;
}

/**
 * The production HTTP server: the route table's listener paths (heartbeats, the exam's
 * requests) answered here, without Next.js's per-request machinery — a few milliseconds of CPU a
 * request, docs/decisions/0013-heartbeat-listener.md — and every other request handed to Next.js
 * unchanged. Forwarded headers are believed from trusted proxies only, for both.
 */
export function createPortalServer(options: PortalServerOptions): http.Server {
  const trustedProxies = options.trustedProxies ?? parseTrustedProxies(env().TRUSTED_PROXIES);
  // Two cores: 4 pages at once served the most pages with the lowest p99 (50 connections at
  // 500k learners, 2026-12-04: 100.6 req/s p99 837 ms, against 80.4/855 at 8 and 100.4/1,572
  // without a gate).
  const gate = renderGate(options.renderConcurrency ?? env().PAGE_RENDER_CONCURRENCY ?? 2 * availableParallelism());
  const answered = new Map<string, ListenerRoute>();
  for (const route of options.routes ?? EDGE_ROUTES) {
    if (route.answeredBy === "listener") answered.set(`${route.method} ${route.path}`, route);
  }
  const server = http.createServer((request, response) => {
    trustForwardedFor(request.headers, request.socket.remoteAddress, trustedProxies);
    const route = answered.get(`${request.method} ${pathOf(request.url)}`);
    if (!route) {
      const refused = refuseServerAction(request);
      if (refused) {
        response.writeHead(refused.status, {
          ...everyResponse(),
          "content-type": "text/plain; charset=utf-8",
          "cache-control": "no-store",
          connection: "close",
        });
        response.end(refused.message);
        return;
      }
      gate.pass(request, response, () => options.handleNext(request, response));
      return;
    }
    answer(route, request, response).catch((error: unknown) => {
      // Mostly a client gone mid-body; the handlers log their own failures. No details sent.
      logger.warn({ err: error, path: route.path }, "edge request failed");
      if (!response.headersSent) response.writeHead(500, { ...everyResponse(), connection: "close" });
      response.end();
    });
  });
  // Longer than a load balancer's idle timeout (60 s for most), so that the balancer closes an
  // idle connection, never the portal while a request is on its way over it.
  server.keepAliveTimeout = 65_000;
  return server;
}
