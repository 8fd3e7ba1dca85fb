import "server-only";
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MEGABYTES } from "@/domain/course-admin";
import { AppError, FORBIDDEN_MESSAGE, GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { recordAudit } from "@/server/audit/record-audit";
import { clientAddress } from "@/server/request/client-address";
import { authorizeStaffRequest } from "@/server/staff/authorize-staff-request";
import { saveUploadedVideo } from "./save-uploaded-video";
import { mediaMessages } from "@/messages/zh-CN";

const NO_STORE = { "cache-control": "no-store" };

function refuse(status: number, code: string, message: string): Response {
  return Response.json({ ok: false, code, message }, { status, headers: NO_STORE });
}

/** A browser's cross-site request names another origin; same-site pages and tools name ours or none. */
function fromOtherSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * POST /media/uploads: a city administrator uploads a lesson video as the raw request body
 * (not multipart, so it streams straight to disk). Answers 201 with the URL to store on the
 * lesson and the duration read from the file, or a refusal with a Chinese message. Outside the
 * proxy (its matcher skips /media/), whose request buffering would otherwise cap the body.
 */
export async function handleUploadRequest(request: Request): Promise<Response> {
  const authorized = await authorizeStaffRequest("catalogue.edit");
  if (!authorized.ok) return refuse(authorized.status, authorized.code, authorized.message);
  const { staff } = authorized;
  if (fromOtherSite(request)) return refuse(403, "FORBIDDEN", FORBIDDEN_MESSAGE);
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_UPLOAD_BYTES) {
    return refuse(413, "UPLOAD_TOO_LARGE", mediaMessages.videoTooLarge(MAX_UPLOAD_MEGABYTES));
  }
  if (!request.body) return refuse(400, "UPLOAD_EMPTY", mediaMessages.chooseVideo);

  const originalName = decodeHeader(request.headers.get("x-file-name"));
  try {
    const saved = await saveUploadedVideo(request.body);
    await recordAudit({
      actorType: "STAFF",
      actorId: staff.id,
      action: "media.upload",
      targetType: "MediaFile",
      targetId: saved.fileName,
      ip: clientAddress(request.headers),
      outcome: "SUCCESS",
      details: { originalName, bytes: saved.bytes, durationSeconds: saved.durationSeconds },
    });
    return Response.json(
      { ok: true, url: saved.url, durationSeconds: saved.durationSeconds, bytes: saved.bytes },
      { status: 201, headers: NO_STORE },
    );
  } catch (error) {
    if (error instanceof AppError) {
      return refuse(error.code === "UPLOAD_TOO_LARGE" ? 413 : 400, error.code, error.message);
    }
    logger.error({ err: error, staffId: staff.id }, "video upload failed");
    return refuse(500, "INTERNAL", GENERIC_ERROR_MESSAGE);
  }
}

/** The uploader's file name, for the audit log only (never used as a path). */
function decodeHeader(value: string | null): string | null {
  if (!value) return null;
  try {
    return decodeURIComponent(value).slice(0, 200);
  } catch {
    return null;
  }
}
