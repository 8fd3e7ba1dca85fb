// PostgreSQL's `integer` (int4) columns: ids of export batches and districts, sequence numbers,
// positions. A number beyond it makes the database (and Prisma) throw: an address or a request
// carrying one is answered as "not found" or "invalid" before it gets there.

/** The largest value of an int4 column. */
export const MAX_INT4 = 2_147_483_647;

/** A positive int4 id from text (an address's segment), or null. */
export function parseInt4Id(raw: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_INT4 ? id : null;
}
