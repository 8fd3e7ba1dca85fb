import type { RandomSource } from "./types";

/** An integer in [0, bound), from a source of floats in [0, 1). */
export function randomIndex(bound: number, random: RandomSource): number {
  const value = random();
  // A source that misbehaves (1, NaN, negative) must not index past the array.
  if (!(value >= 0 && value < 1)) throw new RangeError(`random source returned ${value}, expected [0, 1)`);
  return Math.floor(value * bound);
}

/** A shuffled copy (Fisher-Yates): every order equally likely given a uniform source. */
export function shuffle<T>(items: readonly T[], random: RandomSource): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1, random);
    const a = result[i] as T;
    result[i] = result[j] as T;
    result[j] = a;
  }
  return result;
}
