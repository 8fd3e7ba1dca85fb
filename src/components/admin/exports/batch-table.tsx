import { BATCH_STATE_LABELS, isWithProvince, mayRecordUpload, mayWithdraw } from "@/domain/exports";
import { formatDateTime, todayInShanghai } from "@/lib/time";
import type { ExportBatchListItem } from "@/server/exports/list-export-batches";
import { RecordUploadForm, WithdrawBatchForm } from "./batch-lifecycle-forms";
import { ReceiptImportForm } from "./receipt-import-form";

const TRIGGER_LABELS = { MANUAL: "手动", SCHEDULED: "定时" } as const;

/** Where the batch stands, with what the state was recorded with. */
function BatchState({ batch }: { batch: ExportBatchListItem }) {
  const detail =
    batch.state === "UPLOADED" || batch.state === "RECEIPTED"
      ? `${batch.uploadedOn?.toISOString().slice(0, 10) ?? ""} · ${batch.provincialRef ?? ""}`
      : batch.state === "WITHDRAWN"
        ? batch.withdrawnReason
        : null;
  return (
    <>
      <span className="font-medium">{BATCH_STATE_LABELS[batch.state]}</span>
      {detail ? <span className="block text-xs text-slate-600">{detail}</span> : null}
    </>
  );
}

/**
 * The batches with their state and download links; for the city office also the checksum of
 * the whole file and the lifecycle's next steps (记录上报 after the download, 撤回 before the upload).
 */
export function BatchTable({ batches, districtCopy }: { batches: ExportBatchListItem[]; districtCopy: boolean }) {
  const today = todayInShanghai();
  if (batches.length === 0) {
    return <p className="rounded-xl bg-white p-5 text-sm text-slate-600 ring-1 ring-slate-200">暂无报送批次。</p>;
  }
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-sm">
        <caption className="sr-only">报送批次</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              批次
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              年度
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              生成时间
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              方式
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {districtCopy ? "本区人数" : "人数"}
            </th>
            {districtCopy ? null : (
              <th scope="col" className="px-3 py-2 font-medium">
                SHA-256 校验值
              </th>
            )}
            <th scope="col" className="px-3 py-2 font-medium">
              状态
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              下载
            </th>
            {districtCopy ? null : (
              <th scope="col" className="px-3 py-2 font-medium">
                操作
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {batches.map((b) => (
            <tr key={b.id}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                第 {b.id} 批
              </th>
              <td className="px-3 py-2">{b.year}</td>
              <td className="px-3 py-2 tabular-nums">{formatDateTime(b.createdAt)}</td>
              <td className="px-3 py-2">
                {TRIGGER_LABELS[b.trigger]}
                {b.createdBy ? `（${b.createdBy}）` : ""}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{b.rowCount}</td>
              {districtCopy ? null : (
                <td className="max-w-[10rem] truncate px-3 py-2 font-mono text-xs" title={b.checksum ?? ""}>
                  {b.checksum}
                </td>
              )}
              <td className="px-3 py-2">
                <BatchState batch={b} />
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {b.state === "WITHDRAWN" ? (
                  <span className="text-slate-500">—</span>
                ) : (
                  <>
                    <a
                      href={`/admin/exports/${b.id}/export.csv`}
                      download
                      className="text-brand-800 underline"
                      aria-label={`下载第 ${b.id} 批 CSV`}
                    >
                      CSV
                    </a>
                    <span aria-hidden> · </span>
                    <a
                      href={`/admin/exports/${b.id}/export.xlsx`}
                      download
                      className="text-brand-800 underline"
                      aria-label={`下载第 ${b.id} 批 Excel`}
                    >
                      Excel
                    </a>
                  </>
                )}
              </td>
              {districtCopy ? null : (
                <td className="px-3 py-2 align-top">
                  {mayRecordUpload(b.state) ? <RecordUploadForm batchId={b.id} today={today} /> : null}
                  {mayWithdraw(b.state) ? <WithdrawBatchForm batchId={b.id} /> : null}
                  {isWithProvince(b.state) ? <ReceiptImportForm batchId={b.id} /> : null}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
