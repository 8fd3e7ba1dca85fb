"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { RECEIPT_HEADERS, RECEIPT_KIND_LABELS, type ReceiptLineKind } from "@/domain/exports";
import { importReceiptAction, previewReceiptAction } from "@/server/actions/exports";

const NOT_APPLIED: ReceiptLineKind[] = [
  "invalid",
  "duplicate",
  "unknown",
  "otherBatch",
  "nameMismatch",
  "alreadyRecorded",
];

/**
 * 导入回执: the province's answer file, checked first (预检: every line that would not be applied
 * is listed, nothing is written), then imported (the same file, by its checksum).
 */
export function ReceiptImportForm({ batchId }: { batchId: number }) {
  const [preview, dispatchPreview, previewing] = useActionState(previewReceiptAction, null);
  const [imported, dispatchImport, importing] = useActionState(importReceiptAction, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = event.nativeEvent instanceof SubmitEvent ? event.nativeEvent.submitter : null;
    const data = new FormData(event.currentTarget);
    if (submitter?.getAttribute("value") === "import") startTransition(() => dispatchImport(data));
    else startTransition(() => dispatchPreview(data));
  };
  const plan = preview?.ok && preview.data.batchId === batchId ? preview.data : null;
  const fileErrors = [preview, imported].flatMap((s) => (s && !s.ok ? (s.fieldErrors?.file ?? []) : []));
  const id = `receipt-${batchId}`;
  return (
    <details>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-800">
        导入回执
      </summary>
      <form onSubmit={onSubmit} className="mt-2 w-72 space-y-3 sm:w-96" noValidate>
        <input type="hidden" name="batchId" value={batchId} />
        {plan ? <input type="hidden" name="checksum" value={plan.checksum} /> : null}
        <p className="text-xs leading-relaxed text-slate-600">
          省系统回执文件（CSV 或 Excel），表头为：{RECEIPT_HEADERS.join("、")}；结果填“成功”或“失败”。
        </p>
        <FormAlert state={imported && !imported.ok ? imported : preview} />
        <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">
          回执文件
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          aria-describedby={fileErrors.length ? `${id}-file-error` : undefined}
          className="block w-full text-sm"
        />
        {fileErrors.length ? (
          <p id={`${id}-file-error`} className="text-sm text-red-700">
            {fileErrors.join("，")}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={previewing || importing}>
            {previewing ? "正在预检…" : "预检"}
          </Button>
          {plan ? (
            <Button type="submit" name="intent" value="import" disabled={previewing || importing}>
              {importing ? "正在导入…" : `导入（成功 ${plan.counts.accepted}，失败 ${plan.counts.rejected}）`}
            </Button>
          ) : null}
        </div>
        <p role="status" className="text-sm text-slate-800">
          {imported?.ok
            ? imported.data.alreadyImported
              ? "这个回执文件已经导入过，没有任何变化。"
              : `回执已导入：成功 ${imported.data.accepted} 条，退回 ${imported.data.rejected} 条。`
            : plan
              ? `预检完成：成功 ${plan.counts.accepted} 条，失败 ${plan.counts.rejected} 条；不导入 ${NOT_APPLIED.reduce((n, k) => n + plan.counts[k], 0)} 条。`
              : ""}
        </p>
        {plan && plan.lines.length > 0 ? (
          <div className="max-h-72 overflow-auto rounded-lg ring-1 ring-slate-200">
            <table className="w-full text-left text-xs">
              <caption className="sr-only">回执预检结果</caption>
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-2 py-1">
                    行
                  </th>
                  <th scope="col" className="px-2 py-1">
                    身份证号
                  </th>
                  <th scope="col" className="px-2 py-1">
                    姓名
                  </th>
                  <th scope="col" className="px-2 py-1">
                    处理
                  </th>
                  <th scope="col" className="px-2 py-1">
                    说明
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {plan.lines.map((line) => (
                  <tr key={line.rowNumber}>
                    <td className="px-2 py-1 tabular-nums">{line.rowNumber}</td>
                    <td className="px-2 py-1 font-mono">{line.idNumberMasked ?? "—"}</td>
                    <td className="px-2 py-1">{line.name ?? "—"}</td>
                    <td className={`px-2 py-1 ${NOT_APPLIED.includes(line.kind) ? "text-amber-800" : ""}`}>
                      {RECEIPT_KIND_LABELS[line.kind]}
                    </td>
                    <td className="px-2 py-1">{line.reason ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </form>
    </details>
  );
}
