// Prisma's schema engine compiled to WebAssembly: loading schema_engine_bg.wasm by hand,
// patching what the glue gets wrong for a CLI (the advisory-lock timer, Rust panics), and
// running one engine over the driver adapter of driver-adapter.ts. See
// docs/decisions/0002-offline-migrations.md for why the WASM engine is used at all.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasmGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

import { MigrationAdapterFactory, Resources } from "./driver-adapter";

let wasmReady: Promise<void> | undefined;

/**
 * Where the engine's Rust panic hook leaves its message (the glue calls
 * `global.PRISMA_WASM_PANIC_REGISTRY.set_message`, and crashes the process if it is missing).
 * The message is then thrown as an ordinary error from the failed call.
 */
class PanicRegistry {
  private message = "";

  get(): string {
    return this.message;
  }

  set_message(message: string): void {
    this.message = `RuntimeError: ${message}`;
  }
}

declare global {
  var PRISMA_WASM_PANIC_REGISTRY: PanicRegistry | undefined;
}

/**
 * Instantiates schema_engine_bg.wasm once per process. The package's own entry point imports
 * the .wasm file as an ES module, which Node 20 cannot do without a flag, so the wasm-bindgen
 * glue is wired to the instance by hand.
 */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(join(dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": wasmImports() });
    wasmGlue.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start !== "function") throw new Error("schema_engine_bg.wasm exports no __wbindgen_start.");
    start();
  })();
  return wasmReady;
}

/**
 * The glue's functions, except that the engine's timers are tracked: it arms a 10 s timeout
 * around every advisory-lock wait and never clears it, which would keep a finished CLI alive
 * for 10 s. The timers are cleared once no engine is running (see withSchemaEngine).
 */
function wasmImports(): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...wasmGlue };
  const setTimeoutImport = Object.keys(imports).find((name) => name.startsWith("__wbg_setTimeout_"));
  if (setTimeoutImport) imports[setTimeoutImport] = trackedSetTimeout;
  return imports;
}

const engineTimers = new Set<NodeJS.Timeout>();
let runningEngines = 0;

function trackedSetTimeout(callback: () => void, milliseconds: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, milliseconds >>> 0);
  engineTimers.add(timer);
  return timer;
}

function clearEngineTimersWhenIdle(): void {
  // Only when no other engine of this process (e.g. a concurrent test) may still need them.
  if (runningEngines > 0) return;
  for (const timer of engineTimers) clearTimeout(timer);
  engineTimers.clear();
}

/**
 * Runs `work` with a fresh engine connected to `databaseUrl`, then frees the engine and closes
 * every pool, shadow database and embedded server it used, so that CLIs exit on their own and
 * the migration advisory lock (held by a pooled connection) is released.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schemas: SchemaContainer[],
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const resources = new Resources();
  runningEngines += 1;
  try {
    const factory = new MigrationAdapterFactory(databaseUrl, resources);
    try {
      return await failOnEnginePanic(async () => {
        const engine = await wasmGlue.SchemaEngine.new(
          { datamodels: schemas.map((schema): [string, string] => [schema.path, schema.content]) },
          logEngineMessage,
          bindMigrationAwareSqlAdapterFactory(factory),
        );
        try {
          return await work(engine);
        } finally {
          engine.free();
        }
      });
    } catch (error) {
      // The engine reports errors thrown by our own JS code only as "external connector
      // error"; prefer the original, clearer one (e.g. missing CREATEDB privilege).
      throw factory.setupError ?? error;
    }
  } finally {
    runningEngines -= 1;
    clearEngineTimersWhenIdle();
    await resources.closeAll();
  }
}

let enginePanic: Error | undefined;

/**
 * A Rust panic in the engine surfaces as a WebAssembly "unreachable" trap thrown from a promise
 * callback: an uncaught exception that would kill the process without the panic message and
 * before the shadow database is dropped. While engine work runs, such a trap rejects the work
 * instead, with the message the panic hook left in PRISMA_WASM_PANIC_REGISTRY, so the cleanup
 * still happens. The instance is unusable afterwards (its memory may be inconsistent, and the
 * glue cannot be re-initialised), so later calls fail fast.
 */
function failOnEnginePanic<T>(run: () => Promise<T>): Promise<T> {
  if (enginePanic) return Promise.reject(enginePanic);
  return new Promise<T>((resolve, reject) => {
    const onUncaught = (error: Error): void => {
      process.off("uncaughtException", onUncaught);
      if (!(error instanceof WebAssembly.RuntimeError)) {
        // Not the engine's: crash as the process would have without this listener.
        process.nextTick(() => {
          throw error;
        });
        return;
      }
      const message = globalThis.PRISMA_WASM_PANIC_REGISTRY?.get() || error.message;
      enginePanic ??= new Error(`The schema engine panicked (restart the process to use it again): ${message}`);
      reject(enginePanic);
    };
    process.on("uncaughtException", onUncaught);
    run()
      .then(resolve, reject)
      .finally(() => process.off("uncaughtException", onUncaught));
  });
}

/**
 * The engine logs JSON lines. INFO lines contain whole migration scripts, so only warnings and
 * errors are shown, and only their message.
 */
function logEngineMessage(line: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return;
  }
  if (!isEngineLog(parsed)) return;
  if (parsed.level === "WARN" || parsed.level === "ERROR") {
    console.error(`[schema-engine] ${parsed.level.toLowerCase()}: ${parsed.fields.message}`);
  }
}

function isEngineLog(value: unknown): value is { level: string; fields: { message: string } } {
  if (typeof value !== "object" || value === null || !("level" in value) || !("fields" in value)) return false;
  const { level, fields } = value;
  return (
    typeof level === "string" &&
    typeof fields === "object" &&
    fields !== null &&
    "message" in fields &&
    typeof fields.message === "string"
  );
}
