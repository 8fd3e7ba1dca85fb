"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { LookupMethod } from "@/domain/support/lookup";
import { REASON_MIN_LENGTH } from "@/domain/support/lookup";
import type { ActionResult } from "@/lib/action-result";
import { lookupLearner } from "@/server/actions/support";
import type { LookupResult } from "@/server/support/lookup-learners";
import { LookupResults } from "./lookup-results";

type State = ActionResult<LookupResult> | null;

const CARD = "space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200";
const REASON_HINT = `例如：学员来电，视频无法播放。查询原因记入审计日志（至少${REASON_MIN_LENGTH}个字）。`;

/**
 * 查找学员: three forms posting to one server action (an ID number never goes into an address).
 * React empties the forms after each lookup, so a typed ID number does not stay on screen.
 */
export function LookupPanel({ districts }: { districts: { id: number; name: string }[] }) {
  const [state, formAction, pending] = useActionState<State, FormData>(lookupLearner, null);
  const [submitted, setSubmitted] = useState<LookupMethod | null>(null);
  const errors = (by: LookupMethod) => (state && !state.ok && submitted === by ? state.fieldErrors : undefined);
  const form = (by: LookupMethod) => ({ action: formAction, onSubmit: () => setSubmitted(by), noValidate: true });
  const submit = (
    <Button type="submit" disabled={pending} className="w-full">
      {pending ? "正在查找…" : "查找"}
    </Button>
  );
  return (
    <div className="space-y-6">
      <div className="grid gap-4 xl:grid-cols-3">
        <form {...form("reference")} aria-labelledby="lookup-reference-title" className={CARD}>
          <h2 id="lookup-reference-title" className="font-semibold">
            按问题编号
          </h2>
          <input type="hidden" name="by" value="reference" />
          <TextField
            idPrefix="lookup-reference"
            name="reference"
            label="问题编号"
            hint="学员点击“播放遇到问题？”提交后得到，例如 K7Q9-M2XD。"
            autoComplete="off"
            spellCheck={false}
            errors={errors("reference")?.reference}
          />
          {submit}
        </form>
        <form {...form("idNumber")} aria-labelledby="lookup-id-title" className={CARD}>
          <h2 id="lookup-id-title" className="font-semibold">
            按身份证号
          </h2>
          <input type="hidden" name="by" value="idNumber" />
          <TextField
            idPrefix="lookup-idNumber"
            name="idNumber"
            label="身份证号（完整18位）"
            hint="只能完整匹配，不支持部分号码查找。"
            autoComplete="off"
            spellCheck={false}
            errors={errors("idNumber")?.idNumber}
          />
          <TextField
            idPrefix="lookup-idNumber"
            name="reason"
            label="查询原因"
            hint={REASON_HINT}
            errors={errors("idNumber")?.reason}
          />
          {submit}
        </form>
        <form {...form("name")} aria-labelledby="lookup-name-title" className={CARD}>
          <h2 id="lookup-name-title" className="font-semibold">
            按姓名和所在区
          </h2>
          <input type="hidden" name="by" value="name" />
          <TextField idPrefix="lookup-name" name="name" label="姓名" autoComplete="off" errors={errors("name")?.name} />
          <DistrictSelect districts={districts} errors={errors("name")?.districtId} />
          <TextField
            idPrefix="lookup-name"
            name="reason"
            label="查询原因"
            hint={REASON_HINT}
            errors={errors("name")?.reason}
          />
          {submit}
        </form>
      </div>
      <FormAlert state={state} />
      {state?.ok ? <LookupResults result={state.data} /> : null}
    </div>
  );
}

function DistrictSelect({ districts, errors }: { districts: { id: number; name: string }[]; errors?: string[] }) {
  return (
    <SelectField idPrefix="lookup-name" name="districtId" label="所在区" defaultValue="" errors={errors}>
      <option value="">请选择</option>
      {districts.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </SelectField>
  );
}
