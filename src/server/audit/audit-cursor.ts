import "server-only";
import { z } from "zod";

/** A place in the audit log's order (at DESC, id DESC): the entry a page starts or ends at. */
export interface AuditCursor {
  at: Date;
  id: bigint;
}

const CURSOR = /^(\d{1,15})\.(\d{1,19})$/;
export const MAX_AUDIT_ID = 2n ** 63n - 1n;
/** Timestamps between these (in ms) are PostgreSQL timestamps a JavaScript Date can hold. */
const MAX_MS = 8_640_000_000_000_000;

/**
 * The address form of a cursor: opaque (base64url of the entry's time in ms and its id), so that
 * nobody builds or reads page numbers into it. It carries no right to see anything: every page
 * is filtered by the reader's visibility, whatever the cursor says.
 */
export function encodeAuditCursor(entry: AuditCursor): string {
  return Buffer.from(`${entry.at.getTime()}.${entry.id}`).toString("base64url");
}

function decode(text: string): AuditCursor | undefined {
  if (!/^[A-Za-z0-9_-]{1,48}$/.test(text)) return undefined;
  const match = CURSOR.exec(Buffer.from(text, "base64url").toString("latin1"));
  if (!match?.[1] || !match[2]) return undefined;
  const ms = Number(match[1]);
  const id = BigInt(match[2]);
  if (ms > MAX_MS || id < 0n || id > MAX_AUDIT_ID) return undefined;
  return { at: new Date(ms), id };
}

/** A cursor from the address; anything else (garbled, tampered, a list) is no cursor: page one. */
export const ZAuditCursor = z
  .unknown()
  .transform((v) => (typeof v === "string" ? decode(v) : undefined))
  .catch(undefined);
