import "server-only";

/**
 * A web ReadableStream (a Response body) that pulls from an async iterator one chunk at a time:
 * the next chunk is produced only when the client has taken the previous one, so a slow
 * download slows the producer instead of filling memory. Cancelling (the client went away)
 * ends the iterator, which stops its queries.
 */
export function toWebStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  // No chunk produced ahead of the first read (highWaterMark 0): a body that is never read (a
  // HEAD request, a client gone before the response started) never starts the producer.
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await iterator.next();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
