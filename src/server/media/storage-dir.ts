import "server-only";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * The folder holding uploaded lesson videos (MEDIA_STORAGE_DIR, relative to the working
 * directory unless absolute). Every instance behind a load balancer must see the same folder
 * (a shared volume), since any instance may serve any file.
 */
export function mediaStorageDir(): string {
  return path.resolve(env().MEDIA_STORAGE_DIR);
}
