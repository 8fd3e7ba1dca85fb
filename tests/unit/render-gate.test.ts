import { EventEmitter } from "node:events";
import type http from "node:http";
import { describe, expect, it } from "vitest";
import { renderGate } from "../../src/server/http/render-gate";

function exchange(method: string, url: string) {
  const socket = new EventEmitter();
  const request = Object.assign(new EventEmitter(), { method, url, socket }) as unknown as http.IncomingMessage;
  const response = new EventEmitter() as unknown as http.ServerResponse;
  return { request, response, socket, close: () => response.emit("close"), leave: () => socket.emit("close") };
}

describe("the render gate", () => {
  it("renders at most its limit of pages at once, the next in order as each response closes", () => {
    const gate = renderGate(2);
    const started: string[] = [];
    const [a, b, c, d] = ["/a", "/b", "/c", "/d"].map((url) => ({ url, ...exchange("GET", url) }));
    for (const x of [a!, b!, c!, d!]) gate.pass(x.request, x.response, () => started.push(x.url));
    expect(started).toEqual(["/a", "/b"]);
    expect([gate.running, gate.waiting]).toEqual([2, 2]);
    b!.close();
    expect(started).toEqual(["/a", "/b", "/c"]);
    a!.close();
    c!.close();
    d!.close();
    expect(started).toEqual(["/a", "/b", "/c", "/d"]);
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });

  it("lets server actions, video, export files and static assets by, whatever is waiting", () => {
    const gate = renderGate(1);
    const started: string[] = [];
    const first = exchange("GET", "/");
    gate.pass(first.request, first.response, () => started.push("page"));
    for (const [method, url] of [
      ["POST", "/login"],
      ["GET", "/media/uploads/a.mp4"],
      ["GET", "/admin/exports/3/export.csv?district=1"],
      ["GET", "/_next/static/chunk.js"],
    ] as const) {
      const x = exchange(method, url);
      gate.pass(x.request, x.response, () => started.push(url));
    }
    expect(started).toEqual([
      "page",
      "/login",
      "/media/uploads/a.mp4",
      "/admin/exports/3/export.csv?district=1",
      "/_next/static/chunk.js",
    ]);
    expect(gate.running).toBe(1);
  });

  it("gives the turn of a client gone while waiting to the next", () => {
    const gate = renderGate(1);
    const started: string[] = [];
    const [a, b, c] = ["/a", "/b", "/c"].map((url) => ({ url, ...exchange("GET", url) }));
    for (const x of [a!, b!, c!]) gate.pass(x.request, x.response, () => started.push(x.url));
    b!.leave();
    a!.close();
    expect(started).toEqual(["/a", "/c"]);
    c!.close();
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });
});
