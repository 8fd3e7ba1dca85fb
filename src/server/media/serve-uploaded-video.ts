import "server-only";
import { open, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { CONTAINER_CONTENT_TYPES, storedNameContainer } from "@/domain/course-admin";
import { parseByteRange } from "./parse-byte-range";
import { mediaStorageDir } from "./storage-dir";

const CHUNK_BYTES = 256 * 1024;

/** A file's bytes [start, end] as a stream that reads as the client consumes it. */
function fileStream(filePath: string, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  let file: FileHandle | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      file ??= await open(filePath, "r");
      const length = Math.min(CHUNK_BYTES, end + 1 - position);
      const buffer = new Uint8Array(length);
      const { bytesRead } = length > 0 ? await file.read(buffer, 0, length, position) : { bytesRead: 0 };
      position += bytesRead;
      if (bytesRead > 0) controller.enqueue(buffer.subarray(0, bytesRead));
      if (bytesRead === 0 || position > end) {
        await file.close();
        controller.close();
      }
    },
    async cancel() {
      await file?.close();
    },
  });
}

/**
 * Serves an uploaded video with HTTP Range support: browsers seek in a video by asking for byte
 * ranges and need 206 answers to do so. Only names the server itself gives to uploads are looked
 * up (a UUID and .mp4/.webm), so no path can leave the storage folder. Stored files never
 * change (a new upload gets a new name): they may be cached for good.
 */
export async function serveUploadedVideo(request: Request, fileName: string): Promise<Response> {
  const container = storedNameContainer(fileName);
  if (!container) return new Response("Not Found", { status: 404 });
  const filePath = path.join(mediaStorageDir(), fileName);
  const size = await stat(filePath).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );
  if (size === null) return new Response("Not Found", { status: 404 });

  const headers = new Headers({
    "content-type": CONTAINER_CONTENT_TYPES[container],
    "accept-ranges": "bytes",
    "cache-control": "public, max-age=31536000, immutable",
  });
  const range = parseByteRange(request.headers.get("range"), size);
  if (range.kind === "unsatisfiable") {
    headers.set("content-range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const [start, end] = range.kind === "partial" ? [range.start, range.end] : [0, size - 1];
  headers.set("content-length", String(end - start + 1));
  if (range.kind === "partial") headers.set("content-range", `bytes ${start}-${end}/${size}`);
  const status = range.kind === "partial" ? 206 : 200;
  if (request.method === "HEAD" || size === 0) return new Response(null, { status, headers });
  return new Response(fileStream(filePath, start, end), { status, headers });
}
