// The message catalogue: every user-facing sentence of src/server, one file per area.
export * from "./auth";
export * from "./certificates";
export * from "./common";
export * from "./completion";
export * from "./courses";
export * from "./credits";
export * from "./districts";
export * from "./errors";
export * from "./exams";
export * from "./exports";
export * from "./import";
export * from "./learners";
export * from "./media";
export * from "./playback";
export * from "./staff";
export * from "./support";
export * from "./verify";
