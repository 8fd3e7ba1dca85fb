import "server-only";
import { displayCertificateCode } from "@/domain/certificates";
import { formatHoursTenths } from "@/domain/exports";
import { todayInShanghai } from "@/lib/time";
import { certificateQrText } from "./certificate-signature";
import type { CertificateDocument } from "./render-certificate-pdf";

/** A stored certificate as far as its printed form needs it. */
export interface CertificateRow {
  code: string;
  learnerId: string;
  districtId: number;
  name: string;
  idNumberMasked: string;
  idNumberHmac: string;
  districtName: string;
  employer: string;
  year: number;
  publicCredits: number;
  professionalCredits: number;
  totalCredits: number;
  hoursTenths: number;
  completedAt: Date;
  issuer: string;
  issuedAt: Date;
  signature: string;
}

/** The printed certificate of a stored one: every field as issued, and the signed QR code. */
export function certificateDocument(row: CertificateRow, origin: string): CertificateDocument {
  const issuedOn = todayInShanghai(row.issuedAt);
  const verifyUrl = `${origin}/verify/${row.code}`;
  const payload = {
    code: row.code,
    idNumberHmac: row.idNumberHmac,
    name: row.name,
    year: row.year,
    publicCredits: row.publicCredits,
    professionalCredits: row.professionalCredits,
    totalCredits: row.totalCredits,
    issuedOn,
  };
  return {
    code: displayCertificateCode(row.code),
    name: row.name,
    idNumberMasked: row.idNumberMasked,
    districtName: row.districtName,
    employer: row.employer,
    year: row.year,
    publicCredits: row.publicCredits,
    professionalCredits: row.professionalCredits,
    totalCredits: row.totalCredits,
    hours: formatHoursTenths(row.hoursTenths),
    completedOn: todayInShanghai(row.completedAt),
    issuer: row.issuer,
    issuedOn,
    verifyUrl,
    qrText: certificateQrText(verifyUrl, payload, row.signature),
  };
}

