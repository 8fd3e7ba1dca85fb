import { handleUploadRequest } from "@/server/media/handle-upload-request";

// Uploads of lesson videos by city administrators (the handler checks the session and role).
export async function POST(request: Request): Promise<Response> {
  return handleUploadRequest(request);
}
