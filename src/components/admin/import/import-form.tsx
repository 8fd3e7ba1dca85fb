"use client";

import Link from "next/link";
import { startTransition, useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { MAX_IMPORT_BYTES, TOO_LARGE_MESSAGE } from "@/domain/import";
import type { ActionResult } from "@/lib/action-result";
import { commitImportFile, dryRunImport } from "@/server/actions/import";
import { ImportReportView } from "./import-report";

type DryRun = Awaited<ReturnType<typeof dryRunImport>>;
type Commit = Awaited<ReturnType<typeof commitImportFile>>;

/**
 * Upload → 预检 (dry run) → 确认导入 (commit). The file stays in the file input: the commit sends
 * it again with the digest of the reviewed plan, and the server refuses if anything differs.
 * Choosing another file discards the reviewed plan.
 */
export function ImportForm() {
  const form = useRef<HTMLFormElement>(null);
  const [dryRun, dispatchDryRun, checking] = useActionState<DryRun | null, FormData>(dryRunImport, null);
  const [commit, dispatchCommit, committing] = useActionState<Commit | null, FormData>(commitImportFile, null);
  const [fileVersion, setFileVersion] = useState(0);
  const [reviewedVersion, setReviewedVersion] = useState(-1);
  const [committedVersion, setCommittedVersion] = useState(-1);
  const [localError, setLocalError] = useState<string | null>(null);

  /** The form's data, or null (with the reason shown) when the file cannot be sent. */
  const data = (): FormData | null => {
    const input = form.current?.querySelector<HTMLInputElement>('input[type="file"]');
    const file = input?.files?.[0];
    const problem = !file ? "请选择要导入的文件" : file.size > MAX_IMPORT_BYTES ? TOO_LARGE_MESSAGE : null;
    setLocalError(problem);
    return problem || !form.current ? null : new FormData(form.current);
  };
  const check = () => {
    const fd = data();
    if (!fd) return;
    setReviewedVersion(fileVersion);
    startTransition(() => dispatchDryRun(fd));
  };
  const reviewed = dryRun?.ok && reviewedVersion === fileVersion ? dryRun.data : null;
  const apply = () => {
    const fd = data();
    if (!fd || !reviewed) return;
    fd.set("digest", reviewed.digest);
    setCommittedVersion(fileVersion);
    startTransition(() => dispatchCommit(fd));
  };
  const applicable = reviewed ? reviewed.counts.new + reviewed.counts.changed : 0;
  const committed = commit?.ok && committedVersion === fileVersion ? commit.data : null;
  const failure: ActionResult<unknown> | null = localError
    ? { ok: false, code: "INVALID_INPUT", message: localError }
    : commit && !commit.ok && committedVersion === fileVersion
      ? commit
      : dryRun && !dryRun.ok && reviewedVersion === fileVersion
        ? dryRun
        : null;

  return (
    <div className="space-y-5">
      <form
        ref={form}
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
        className="space-y-4"
        noValidate
      >
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
            学员信息文件
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby="import-file-hint"
            onChange={() => setFileVersion((v) => v + 1)}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-brand-50 file:px-4 file:py-2 file:text-brand-800"
          />
          <p id="import-file-hint" className="mt-1 text-xs text-slate-500">
            Excel 工作簿（.xlsx）或 CSV（UTF-8 或 GBK 编码），不超过 5 MB、20,000 行。
          </p>
        </div>
        <FormAlert
          state={
            failure && !failure.ok
              ? { ...failure, message: failure.fieldErrors?.file?.[0] ?? failure.message, fieldErrors: undefined }
              : null
          }
        />
        <Button type="submit" disabled={checking || committing}>
          {checking ? "正在预检…" : "预检"}
        </Button>
      </form>

      {committed ? (
        <div role="status" className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200">
          导入完成：新增 {committed.created} 人，更新 {committed.updated} 人；无效 {committed.counts.invalid} 行未导入。
          <Link href="/admin/learners" className="ml-2 text-brand-700 underline">
            查看学员
          </Link>
        </div>
      ) : reviewed ? (
        <section aria-labelledby="dry-run-title" className="space-y-4">
          <h2 id="dry-run-title" className="text-lg font-semibold">
            预检结果：{reviewed.fileName}
          </h2>
          <ImportReportView report={reviewed} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="button" onClick={apply} disabled={applicable === 0 || committing || checking}>
              {committing ? "正在导入…" : `确认导入 ${applicable} 行`}
            </Button>
            <p className="text-sm text-slate-600">
              {applicable === 0
                ? "没有需要导入的新增或变更行。"
                : "无效行不会导入；所有有效行在一次操作中全部写入，失败则全部不写入。"}
            </p>
          </div>
        </section>
      ) : null}
    </div>
  );
}
