"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { recordBatchUploadAction, withdrawExportBatchAction } from "@/server/actions/exports";

/** 记录上报: after uploading the downloaded file to the provincial system. */
export function RecordUploadForm({ batchId, today }: { batchId: number; today: string }) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(recordBatchUploadAction);
  const id = `upload-${batchId}`;
  return (
    <details>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-800">
        记录上报
      </summary>
      <form action={formAction} onSubmit={onSubmit} className="mt-2 w-64 space-y-3" noValidate>
        <input type="hidden" name="batchId" value={batchId} />
        <FormAlert state={state} />
        <TextField
          idPrefix={id}
          name="uploadedOn"
          label="上报日期"
          type="date"
          defaultValue={today}
          max={today}
          required
          errors={errors?.uploadedOn}
        />
        <TextField
          idPrefix={id}
          name="provincialRef"
          label="省系统批次号"
          maxLength={100}
          required
          errors={errors?.provincialRef}
        />
        <TextField idPrefix={id} name="note" label="备注（选填）" maxLength={500} errors={errors?.note} />
        <Button type="submit" disabled={pending}>
          {pending ? "正在保存…" : "确认已上报"}
        </Button>
      </form>
    </details>
  );
}

/** 撤回: before the upload only; the batch's learners go into the next batch. */
export function WithdrawBatchForm({ batchId }: { batchId: number }) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(withdrawExportBatchAction);
  return (
    <details>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">撤回</summary>
      <form action={formAction} onSubmit={onSubmit} className="mt-2 w-64 space-y-3" noValidate>
        <input type="hidden" name="batchId" value={batchId} />
        <FormAlert state={state} />
        <TextField
          idPrefix={`withdraw-${batchId}`}
          name="reason"
          label="撤回原因"
          hint="撤回后不能再下载，其中的学员会进入下一批次"
          maxLength={200}
          required
          errors={errors?.reason}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "正在撤回…" : "确认撤回"}
        </Button>
      </form>
    </details>
  );
}
