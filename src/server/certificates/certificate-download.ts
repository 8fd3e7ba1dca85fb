import "server-only";
import { parseCertificateCode } from "@/domain/certificates";
import { env } from "@/lib/env";
import { UNAUTHENTICATED_MESSAGE } from "@/lib/errors";
import { certificateLifecycleMessages, errorMessages } from "@/messages/zh-CN";
import { getCurrentLearner, getCurrentStaff } from "@/server/auth/session";
import { staffMay } from "@/server/policy/staff-permissions";
import { managesDistrict } from "@/server/staff/learner-scope";
import { refusedDownload } from "@/server/staff/authorize-staff-request";
import { asSql } from "@/server/sql";
import { getDb } from "@/server/db";
import { certificateDocument, type CertificateRow } from "./certificate-document";
import { renderCertificatePdf } from "./render-certificate-pdf";

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The public address certificates point to: configured (PUBLIC_BASE_URL, as a deployment must),
 * else the one the browser asked for: X-Forwarded-Host/-Proto behind a trusted proxy (the server
 * strips them from anyone else), else Host. Not request.url, whose host is the server's own.
 */
export function publicOrigin(request: Request): string {
  const configured = env().PUBLIC_BASE_URL;
  if (configured) return configured;
  const first = (name: string) => request.headers.get(name)?.split(",", 1)[0]?.trim();
  const host = first("x-forwarded-host") ?? first("host");
  const proto = first("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  return host && HOST.test(host) && (proto === "http" || proto === "https")
    ? `${proto}://${host}`
    : new URL(request.url).origin;
}

const notFound = () => refusedDownload({ status: 404, message: errorMessages.CERTIFICATE_NOT_FOUND });

/**
 * GET /certificates/<code>: the PDF of a current certificate, for its learner, or for an
 * administrator of the learner's district (or the city office). Anyone else, and any code that
 * is not a current certificate, gets the same 404; without a session, 401.
 */
export async function certificateDownload(request: Request, text: string): Promise<Response> {
  const learner = await getCurrentLearner();
  const staff = learner ? null : await getCurrentStaff();
  if (!learner && !staff) return refusedDownload({ status: 401, message: UNAUTHENTICATED_MESSAGE });
  const code = parseCertificateCode(text);
  if (!code) return notFound();
  const [row] = await asSql(getDb()).query<CertificateRow>(
    `SELECT c."code", c."learnerId", l."districtId", c."name", c."idNumberMasked", c."idNumberHmac", c."districtName",
            c."employer", c."year", c."publicCredits", c."professionalCredits", c."totalCredits", c."hoursTenths",
            c."completedAt", c."issuer", c."issuedAt", c."signature"
     FROM "Certificate" c JOIN "Learner" l ON l."id" = c."learnerId"
     WHERE c."code" = $1 AND c."state" = 'VALID'`,
    [code],
  );
  const allowed =
    row &&
    (learner
      ? row.learnerId === learner.id
      : !!staff &&
        !staff.mustChangePassword &&
        staffMay(staff, "learners.manage") &&
        managesDistrict(staff, row.districtId));
  if (!row || !allowed) return notFound();
  const pdf = await renderCertificatePdf(certificateDocument(row, publicOrigin(request)));
  const filename = certificateLifecycleMessages.fileName(row.year, row.code);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="certificate-${row.year}-${row.code}.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "content-length": String(pdf.length),
      "cache-control": "private, no-store",
    },
  });
}
