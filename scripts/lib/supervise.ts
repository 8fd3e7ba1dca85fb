// Keeps a child process running: a server that dies (out of memory, killed, a crash) is started
// again after a short pause, and its cause is logged. Many deaths in a short time mean it cannot
// start at all: then the supervisor gives up with the last exit's code.
import type { ChildProcess } from "node:child_process";

export interface Supervised {
  /** The child now running. */
  current(): ChildProcess;
  /** Ends the child and stops restarting it; resolves once it has exited. */
  stop(): Promise<void>;
}

export function supervise(
  start: () => ChildProcess,
  opts: {
    /** Pause before a restart (ms). */
    restartDelayMs?: number;
    /** Give up after this many exits within `windowMs`. */
    maxRestarts?: number;
    windowMs?: number;
    log?: (message: string) => void;
    /** Called when the supervisor gives up, with the last exit code. */
    onGiveUp: (code: number) => void;
  },
): Supervised {
  const delay = opts.restartDelayMs ?? 1_000;
  const maxRestarts = opts.maxRestarts ?? 5;
  const windowMs = opts.windowMs ?? 60_000;
  const log = opts.log ?? ((message: string) => console.error(message));
  const exits: number[] = [];
  let stopping = false;
  let child = start();

  const watch = (running: ChildProcess) => {
    running.once("exit", (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      exits.push(now);
      while (exits.length && now - exits[0]! > windowMs) exits.shift();
      const cause = signal ? `signal ${signal}` : `exit code ${code}`;
      if (exits.length > maxRestarts) {
        log(`The portal server stopped (${cause}) ${exits.length} times within ${windowMs / 1000} s: not restarting.`);
        opts.onGiveUp(code ?? 1);
        return;
      }
      log(`The portal server stopped (${cause}); starting it again in ${delay / 1000} s.`);
      setTimeout(() => {
        if (stopping) return;
        child = start();
        watch(child);
      }, delay);
    });
  };
  watch(child);

  return {
    current: () => child,
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
