"use client";

import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MEGABYTES } from "@/domain/course-admin";

export type UploadOutcome = { ok: true; url: string; durationSeconds: number | null } | { ok: false; message: string };

const FAILED = "上传失败，请检查网络后重试";

/**
 * Sends a video to POST /media/uploads as the raw body. XMLHttpRequest rather than fetch: it
 * reports upload progress, which a 500 MB file needs.
 */
export function uploadVideo(file: File, onProgress: (fraction: number) => void): Promise<UploadOutcome> {
  if (file.size > MAX_UPLOAD_BYTES) {
    return Promise.resolve({ ok: false, message: `视频文件不能超过 ${MAX_UPLOAD_MEGABYTES} MB` });
  }
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/media/uploads");
    request.setRequestHeader("content-type", file.type || "application/octet-stream");
    request.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => resolve({ ok: false, message: FAILED });
    request.onload = () => {
      const body: unknown = request.response;
      if (typeof body !== "object" || body === null) return resolve({ ok: false, message: FAILED });
      if (request.status === 201 && "url" in body && typeof body.url === "string") {
        const duration =
          "durationSeconds" in body && typeof body.durationSeconds === "number" ? body.durationSeconds : null;
        return resolve({ ok: true, url: body.url, durationSeconds: duration });
      }
      const message = "message" in body && typeof body.message === "string" ? body.message : FAILED;
      resolve({ ok: false, message });
    };
    request.send(file);
  });
}
