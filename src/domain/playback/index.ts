export * from "./constants";
export * from "./presence";
export * from "./progress";
export * from "./reference";
export * from "./rules";
