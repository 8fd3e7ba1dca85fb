import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import path from "node:path";
import {
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_MEGABYTES,
  UPLOADS_URL_PREFIX,
  readVideoDurationSeconds,
  sniffContainer,
  storedUploadName,
  type VideoContainer,
} from "@/domain/course-admin";
import { AppError } from "@/lib/errors";
import { mediaStorageDir } from "./storage-dir";
import { mediaMessages } from "@/messages/zh-CN";

export interface SavedUpload {
  fileName: string;
  /** Where the portal serves it: what a lesson stores as its video URL. */
  url: string;
  bytes: number;
  container: VideoContainer;
  /** Read from the file's header; null when the file does not say (the administrator types it). */
  durationSeconds: number | null;
}

const tooLarge = () => new AppError("UPLOAD_TOO_LARGE", mediaMessages.videoTooLarge(MAX_UPLOAD_MEGABYTES));
const notVideo = () => new AppError("UPLOAD_NOT_VIDEO");

/**
 * Streams an uploaded video to the storage folder (never held in memory), stopping as soon as it
 * passes the size limit; keeps it only if its first bytes are an MP4 or WebM header, and reads
 * its duration from that header. The file is written under a temporary name and renamed when
 * complete, so a half-written upload is never served.
 */
export async function saveUploadedVideo(
  body: ReadableStream<Uint8Array>,
  opts: { maxBytes?: number } = {},
): Promise<SavedUpload> {
  const maxBytes = opts.maxBytes ?? MAX_UPLOAD_BYTES;
  const dir = mediaStorageDir();
  await mkdir(dir, { recursive: true });
  const id = randomUUID();
  const temporary = path.join(dir, `.upload-${id}`);
  const file = await open(temporary, "wx+");
  let kept = false;
  try {
    let bytes = 0;
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      await file.write(value);
    }
    if (bytes === 0) throw new AppError("UPLOAD_EMPTY");

    const read = async (offset: number, length: number) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, bytes - offset)));
      const { bytesRead } = await file.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    };
    const container = sniffContainer(await read(0, 16));
    if (!container) throw notVideo();
    const durationSeconds = await readVideoDurationSeconds(container, read, bytes);
    await file.close();

    const fileName = storedUploadName(id, container);
    await rename(temporary, path.join(dir, fileName));
    kept = true;
    return { fileName, url: `${UPLOADS_URL_PREFIX}${fileName}`, bytes, container, durationSeconds };
  } finally {
    if (!kept) {
      await file.close().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
    }
  }
}
