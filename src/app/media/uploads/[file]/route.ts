import { serveUploadedVideo } from "@/server/media/serve-uploaded-video";

// Uploaded lesson videos, public like the sample videos under public/media (a CDN would serve
// them alike), with byte ranges for seeking.
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return serveUploadedVideo(request, (await params).file);
}

export async function HEAD(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return serveUploadedVideo(request, (await params).file);
}
