// Empty: it only keeps Turbopack from compiling the portal's src/instrumentation.ts into this app
// (see proxy.ts).
export function register() {}
