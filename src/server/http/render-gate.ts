import "server-only";
import type http from "node:http";

/**
 * Requests that stream for long (video, export files, uploads) pass by the gate: they hold little
 * memory and would otherwise keep pages waiting for as long as a download takes. So does every
 * request but GET and HEAD: a server action that redirects has Next.js request the target page
 * from this server, and would wait holding its slot for a request waiting for a slot.
 */
const STREAMING = [/^\/media\//u, /^\/admin\/exports\/[^/]+\/export\.(csv|xlsx)$/u, /^\/_next\//u];

/**
 * At most `limit` pages rendered by Next.js at once; the others wait, first come first served.
 * On two cores a few renders keep the CPU busy: more in flight add no throughput, only memory
 * (each holds its page's tree and payload until its response is written; 50 at once took the
 * server from 244 to 772–1,019 MB, bench of 2026-12-04) and every page's latency with them.
 */
export function renderGate(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
    /** Runs `handle` now or in its turn; its slot is free once the response is closed (sent or abandoned). */
    pass(request: http.IncomingMessage, response: http.ServerResponse, handle: () => unknown): void {
      const path = (request.url ?? "").split("?", 1)[0] ?? "";
      const page = request.method === "GET" || request.method === "HEAD";
      if (!page || STREAMING.some((pattern) => pattern.test(path))) {
        void handle();
        return;
      }
      const start = () => {
        response.once("close", release);
        void handle();
      };
      if (running < limit) {
        running++;
        start();
        return;
      }
      // A client gone while waiting gives its turn up unused.
      let gone = false;
      const leave = () => {
        gone = true;
      };
      request.socket.once("close", leave);
      waiting.push(() => {
        request.socket.off("close", leave);
        if (gone) release();
        else start();
      });
    },
  };
}
