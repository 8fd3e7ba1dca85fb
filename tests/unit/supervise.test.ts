import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { supervise } from "../../scripts/lib/supervise";

// A stand-in server: a Node process that runs until it is killed.
const server = () => spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });

describe("the production start's supervisor", () => {
  it("starts a server killed with SIGKILL again, logging why, and stops it on request", async () => {
    const logged: string[] = [];
    let starts = 0;
    const supervised = supervise(
      () => {
        starts++;
        return server();
      },
      { restartDelayMs: 50, log: (m) => logged.push(m), onGiveUp: () => logged.push("gave up") },
    );
    const first = supervised.current();
    await once(first, "spawn");
    first.kill("SIGKILL");
    await expect.poll(() => starts, { timeout: 10_000 }).toBe(2);
    expect(supervised.current()).not.toBe(first);
    expect(logged).toEqual([expect.stringContaining("signal SIGKILL")]);
    const second = supervised.current();
    await supervised.stop();
    expect(second.signalCode).toBe("SIGTERM");
    expect(starts).toBe(2); // not restarted after a requested stop
  });

  it("gives up when the server dies again and again", async () => {
    let gaveUp: number | null = null;
    supervise(() => spawn(process.execPath, ["-e", "process.exit(3)"], { stdio: "ignore" }), {
      restartDelayMs: 10,
      maxRestarts: 2,
      log: () => undefined,
      onGiveUp: (code) => (gaveUp = code),
    });
    await expect.poll(() => gaveUp, { timeout: 10_000 }).toBe(3);
  });
});
