import Link from "next/link";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { TAuditLogFilters } from "@/server/audit/list-audit-log";
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS } from "./action-labels";

/** The audit browser's filters, as a GET form. */
export function AuditFilters({ filters, learnerName }: { filters: TAuditLogFilters; learnerName: string | null }) {
  const F = "audit";
  return (
    <form method="get" role="search" aria-label="筛选审计日志" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {filters.learner ? (
        <div className="sm:col-span-3 lg:col-span-6">
          <input type="hidden" name="learner" value={filters.learner} />
          <p className="text-sm text-slate-700">
            仅显示学员 <strong>{learnerName ?? "（不在您负责的区）"}</strong> 的记录。
            <Link href="/admin/audit" className="ml-2 text-brand-700 underline underline-offset-2">
              查看全部
            </Link>
          </p>
        </div>
      ) : null}
      <TextField
        idPrefix={F}
        name="staff"
        label="操作人用户名"
        defaultValue={filters.staff ?? ""}
        maxLength={64}
        autoComplete="off"
      />
      <SelectField
        idPrefix={F}
        name="action"
        label="操作"
        defaultValue={filters.action ?? ""}
        className="lg:col-span-2"
      >
        <option value="">全部</option>
        {Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => (
          <option key={action} value={action}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField idPrefix={F} name="outcome" label="结果" defaultValue={filters.outcome ?? ""}>
        <option value="">全部</option>
        {Object.entries(AUDIT_OUTCOME_LABELS).map(([outcome, label]) => (
          <option key={outcome} value={outcome}>
            {label}
          </option>
        ))}
      </SelectField>
      <TextField idPrefix={F} name="from" label="开始日期" type="date" defaultValue={filters.from ?? ""} />
      <TextField idPrefix={F} name="to" label="结束日期" type="date" defaultValue={filters.to ?? ""} />
      <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
        <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          筛选
        </button>
        <Link href="/admin/audit" className="rounded-lg px-4 py-2 text-brand-800 hover:bg-brand-50">
          清除
        </Link>
      </div>
    </form>
  );
}
