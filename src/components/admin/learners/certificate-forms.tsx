"use client";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { reissueCertificateByStaff, revokeCertificateByStaff } from "@/server/actions/certificates";

/** 撤销: a reason is required; the verification page shows it to whoever checks the code. */
export function RevokeCertificateForm({ code }: { code: string }) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(revokeCertificateByStaff);
  return (
    <details className="mt-3">
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-red-800">撤销该证明</summary>
      <form action={formAction} onSubmit={onSubmit} className="mt-2 space-y-3" noValidate>
        <input type="hidden" name="code" value={code} />
        <FormAlert state={state} />
        <TextField
          idPrefix={`revoke-${code}`}
          name="reason"
          label="撤销原因"
          hint="将显示在证明的查验页面上"
          maxLength={200}
          required
          errors={errors?.reason}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "正在撤销…" : "确认撤销"}
        </Button>
      </form>
    </details>
  );
}

/** 重新签发: a new certificate for the year, when it is complete. */
export function ReissueCertificateForm({ code }: { code: string }) {
  const { state, pending, formAction, onSubmit } = useKeptForm(reissueCertificateByStaff);
  return (
    <form action={formAction} onSubmit={onSubmit} className="mt-3 space-y-2" noValidate>
      <input type="hidden" name="code" value={code} />
      <FormAlert state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在签发…" : "重新签发该年度证明"}
      </Button>
    </form>
  );
}
