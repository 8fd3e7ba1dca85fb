import "server-only";
import { z } from "zod";

/**
 * A position in the learner list: the registration time and id of a boundary row of a page,
 * sent to the browser as an opaque base64url string (the next link carries the last row's,
 * the previous link the first row's). Only its shape is checked: it names no learner the
 * caller may not see, since the list's query keeps its own scope and filters.
 */
export interface LearnerCursor {
  registeredAt: Date;
  id: string;
}

const ZEncoded = z.object({
  r: z.iso.datetime(),
  i: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});

export function encodeLearnerCursor(row: LearnerCursor): string {
  return Buffer.from(JSON.stringify({ r: row.registeredAt.toISOString(), i: row.id })).toString("base64url");
}

/** The cursor, or null for anything that is not one (tampered, truncated, an old link). */
export function decodeLearnerCursor(text: string | undefined): LearnerCursor | null {
  if (!text || !/^[A-Za-z0-9_-]{1,400}$/.test(text)) return null;
  try {
    const parsed = ZEncoded.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const registeredAt = new Date(parsed.data.r);
    return Number.isNaN(registeredAt.getTime()) ? null : { registeredAt, id: parsed.data.i };
  } catch {
    return null;
  }
}
