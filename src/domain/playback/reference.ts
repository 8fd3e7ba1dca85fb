// Reference numbers of problem reports, read out over the phone: no 0/O, 1/I/L, nor U/V.
export const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
const LENGTH = 8;

/** A reference like K7Q9-M2XD from a source of random integers in [0, max). */
export function makeProblemReference(randomInt: (max: number) => number): string {
  let chars = "";
  for (let i = 0; i < LENGTH; i++) chars += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)] ?? "2";
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** A reference as typed (any case, spaces or dashes), in its canonical form, or null. */
export function normalizeProblemReference(input: string): string | null {
  const chars = input.toUpperCase().replace(/[\s-]/g, "");
  if (chars.length !== LENGTH || [...chars].some((c) => !REFERENCE_ALPHABET.includes(c))) return null;
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}
