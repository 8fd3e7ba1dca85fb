// The support console's rules: pure, shared by pages, server functions and tests.
export * from "./device";
export * from "./diagnostics";
export * from "./format";
export * from "./lookup";
export * from "./overview";
export * from "./player-errors";
export * from "./sessions";
export * from "./tickets";
