"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { importReport, MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE } from "@/domain/import";
import { commitImport } from "@/server/import/commit-import";
import { planImport } from "@/server/import/plan-import";
import { action } from "./action";
import { importMessages } from "@/messages/zh-CN";

const file = z
  .file({ error: importMessages.chooseFile })
  .min(1, importMessages.emptyFile)
  .max(MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE);

async function bytesOf(upload: File): Promise<Uint8Array> {
  return new Uint8Array(await upload.arrayBuffer());
}

/**
 * 预检: reads and checks the file, writes nothing. The file is not kept: the commit uploads it
 * again and is checked against the digest of this plan.
 */
export const dryRunImport = action(
  { name: "import.dry-run", auth: "staff", permission: "learners.import", schema: z.object({ file }) },
  async (input, { staff }) => {
    const plan = await planImport(staff, await bytesOf(input.file));
    return { fileName: input.file.name, digest: plan.digest, ...importReport(plan.rows) };
  },
);

/** 导入: applies the reviewed file's valid rows in one transaction. */
export const commitImportFile = action(
  {
    name: "import.commit",
    auth: "staff",
    permission: "learners.import",
    schema: z.object({ file, digest: z.string().regex(/^[0-9a-f]{64}$/u, importMessages.precheckFirst) }),
  },
  async (input, { staff, ip }) => {
    const result = await commitImport(
      staff,
      { bytes: await bytesOf(input.file), fileName: input.file.name, digest: input.digest },
      ip,
    );
    revalidatePath("/admin/learners");
    return result;
  },
);
