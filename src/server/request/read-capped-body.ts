import "server-only";
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";

/** UTF-8 takes at most 4 bytes a character. */
const MAX_BYTES_PER_CHAR = 4;

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Reached when reading stops early too: the rest is never pulled.
    await reader.cancel();
  }
}

/**
 * A request body as text, or null beyond `maxChars` characters: reading stops after at most 4×
 * as many bytes (a declared length over that stops it before any), so an endless body costs
 * nothing. The one reader of both kinds of request: a Fetch `Request` (the Next.js routes) and a
 * Node.js `IncomingMessage` (the portal's listener, which answers the oversized request on a
 * connection that then closes: the unread rest stays in the socket, paused, not destroyed, so
 * the answer can still be sent).
 */
export async function readCappedBody(request: Request | IncomingMessage, maxChars: number): Promise<string | null> {
  const maxBytes = maxChars * MAX_BYTES_PER_CHAR;
  const declared =
    request instanceof Readable ? request.headers["content-length"] : request.headers.get("content-length");
  if (Number(declared ?? 0) > maxBytes) return null;
  let source: AsyncIterable<Uint8Array>;
  if (request instanceof Readable) {
    // Its own iterator would destroy the request (and with it the socket) when left early.
    source = request.iterator({ destroyOnReturn: false });
  } else if (request.body) {
    source = chunksOf(request.body);
  } else {
    return "";
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text.length > maxChars ? null : text;
}
