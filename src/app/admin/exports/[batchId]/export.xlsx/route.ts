import { exportDownload } from "@/server/exports/export-download";

export const dynamic = "force-dynamic";

// The batch as XLSX (every cell text); the handler checks the session and role itself.
export async function GET(request: Request, { params }: { params: Promise<{ batchId: string }> }) {
  return exportDownload(request, (await params).batchId, "xlsx");
}
