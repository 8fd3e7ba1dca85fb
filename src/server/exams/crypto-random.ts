import "server-only";
import { randomInt } from "node:crypto";
import type { RandomSource } from "@/domain/exams";

const RANGE = 2 ** 48 - 1; // randomInt's largest allowed range

/** Papers are drawn with the system's CSPRNG: a learner cannot predict the next paper. */
export const cryptoRandom: RandomSource = () => randomInt(0, RANGE) / RANGE;
