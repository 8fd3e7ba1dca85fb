import { certificateDownload } from "@/server/certificates/certificate-download";

export const dynamic = "force-dynamic";

// 下载学时证明: the PDF of a current certificate; the handler checks who may have it.
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  return certificateDownload(request, (await params).code);
}
