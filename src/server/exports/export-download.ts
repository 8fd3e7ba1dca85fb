import "server-only";
import { parseInt4Id } from "@/lib/database-int";
import { logger } from "@/lib/logger";
import { recordAudit } from "@/server/audit/record-audit";
import { authorizeStaffRequest, refusedDownload } from "@/server/staff/authorize-staff-request";
import { clientAddress } from "@/server/request/client-address";
import { findBatchForStaff } from "./find-batch-for-staff";
import { markBatchDownloaded } from "./mark-batch-downloaded";
import { runExportProcess } from "./run-export-process";
import { toWebStream } from "./web-stream";
import { exportMessages } from "@/messages/zh-CN";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

function attachment(fileName: string, fallback: string): string {
  // RFC 6266: an ASCII name for old clients, the Chinese one (RFC 5987) for the others.
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A batch's file as a streamed download, for the route handlers. Checks the staff session and
 * role itself (a route handler is reachable without any page), scopes a district administrator
 * to their district's lines, and records the download in the audit log: the file holds full ID
 * numbers. The file itself is written by an export process (0016).
 */
export async function exportDownload(request: Request, rawBatchId: string, format: "csv" | "xlsx"): Promise<Response> {
  const authorized = await authorizeStaffRequest("exports.download");
  if (!authorized.ok) return refusedDownload(authorized);
  const { staff } = authorized;
  const notFound = { status: 404, message: exportMessages.batchNotFound };
  const batchId = parseInt4Id(rawBatchId);
  if (batchId === null) return refusedDownload(notFound);
  const batch = await findBatchForStaff(staff, batchId);
  if (!batch) return refusedDownload(notFound);
  if (batch.state === "WITHDRAWN") return refusedDownload({ status: 410, message: exportMessages.batchWithdrawn });
  const headers = {
    "content-type": CONTENT_TYPES[format],
    "content-disposition": attachment(
      exportMessages.fileName(batch.year, batch.id, batch.districtName, format),
      `export-${batch.year}-batch-${batch.id}${batch.districtId ? `-district-${batch.districtId}` : ""}.${format}`,
    ),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
  // Next.js answers HEAD with this handler: the headers only, no file written, nothing audited.
  if (request.method === "HEAD") return new Response(null, { headers });

  // The city office's first download of the whole file moves the batch to DOWNLOADED, once.
  const firstDownload =
    batch.districtId === null && batch.state === "GENERATED" ? await markBatchDownloaded(batch.id, staff.id) : false;
  await recordAudit({
    actorType: "STAFF",
    actorId: staff.id,
    action: "export.batch.download",
    targetType: "ExportBatch",
    targetId: String(batch.id),
    ip: clientAddress(request.headers),
    outcome: "SUCCESS",
    details: { format, districtId: batch.districtId, ...(firstDownload ? { firstDownload } : {}) },
  });
  logger.info({ staffId: staff.id, batchId: batch.id, format, districtId: batch.districtId }, "export download");

  // Written by an export process of its own (0016): the web process only passes the bytes on.
  const body = toWebStream(
    runExportProcess({
      kind: format,
      batchId: batch.id,
      districtId: batch.districtId,
      createdAt: batch.createdAt.toISOString(),
    }),
  );
  return new Response(body, { headers });
}
