// Runs once when a server instance starts, before it serves requests. The Node-only start-up is
// imported inside the runtime check, as Next.js documents, so that the Edge build leaves it out.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself, not configuration
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNode } = await import("./instrumentation-node");
    registerNode();
  }
}
