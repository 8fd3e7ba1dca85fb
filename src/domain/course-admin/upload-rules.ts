// Uploaded lesson videos: what is accepted and how the stored files are named.
import type { VideoContainer } from "./video-duration";

/**
 * 500 MB: a 45-minute lecture at a good 720p bitrate (~1.2 Mbit/s) is about 400 MB. A constant,
 * not configuration: raising it is a decision about disk and upload time, made in review.
 */
export const MAX_UPLOAD_BYTES = 500 * 1024 * 1024;

export const CONTAINER_CONTENT_TYPES: Readonly<Record<VideoContainer, string>> = {
  mp4: "video/mp4",
  webm: "video/webm",
};

/** The URL path under which uploaded files are served (src/app/media/uploads/[file]). */
export const UPLOADS_URL_PREFIX = "/media/uploads/";

/** Stored names are made by the server (a UUID and the sniffed container), never by the uploader. */
const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(mp4|webm)$/;

export function storedUploadName(uuid: string, container: VideoContainer): string {
  return `${uuid}.${container}`;
}

/** The container of a stored file's name, or null for any name the server would not have made. */
export function storedNameContainer(name: string): VideoContainer | null {
  const match = STORED_NAME.exec(name);
  if (!match) return null;
  return match[1] === "webm" ? "webm" : "mp4";
}

/** Whole megabytes for messages, e.g. 500. */
export const MAX_UPLOAD_MEGABYTES = Math.round(MAX_UPLOAD_BYTES / (1024 * 1024));
