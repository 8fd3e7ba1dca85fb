import Link from "next/link";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { QUALIFICATION_LABELS, QUALIFICATIONS } from "@/domain/learners";
import type { TLearnerListFilters } from "@/server/learners/list-learners";

const ID_NUMBER_ELSEWHERE = "此处不能输入身份证号等长串数字；按身份证号查找请使用“按身份证号查找”";

/** The list's filters, as a GET form: they belong in the address (no ID numbers among them). */
export function LearnerFilters({
  filters,
  year,
  years,
  districts,
}: {
  filters: TLearnerListFilters;
  year: number;
  years: readonly number[];
  /** Null for a district bureau: its own district, no choice. */
  districts: { id: number; name: string }[] | null;
}) {
  const F = "filters";
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-4" role="search" aria-label="筛选学员">
      <SelectField idPrefix={F} name="year" label="年度" defaultValue={year}>
        {[...years].reverse().map((y) => (
          <option key={y} value={y}>
            {y} 年度
          </option>
        ))}
      </SelectField>
      {districts ? (
        <SelectField idPrefix={F} name="district" label="所属区" defaultValue={filters.district ?? ""}>
          <option value="">全部</option>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField idPrefix={F} name="status" label="状态" defaultValue={filters.status ?? ""}>
        <option value="">全部</option>
        <option value="ACTIVE">正常</option>
        <option value="DISABLED">已停用</option>
      </SelectField>
      <SelectField idPrefix={F} name="certificate" label="学时证明（所选年度）" defaultValue={filters.certificate ?? ""}>
        <option value="">全部</option>
        <option value="WITH">已取得</option>
        <option value="WITHOUT">未取得</option>
      </SelectField>
      <SelectField
        idPrefix={F}
        name="qualification"
        label="会计专业技术资格"
        defaultValue={filters.qualification ?? ""}
      >
        <option value="">全部</option>
        {QUALIFICATIONS.map((q) => (
          <option key={q} value={q}>
            {QUALIFICATION_LABELS[q]}
          </option>
        ))}
      </SelectField>
      <TextField
        idPrefix={F}
        name="name"
        label="姓名"
        defaultValue={filters.name ?? ""}
        hint="姓名或姓名开头"
        maxLength={50}
        // The filters go into the address: an ID number typed here must not. Names have no digits.
        pattern="[^0-9０-９]*"
        title={ID_NUMBER_ELSEWHERE}
      />
      <TextField
        idPrefix={F}
        name="employer"
        label="工作单位"
        defaultValue={filters.employer ?? ""}
        hint="单位名称或名称开头"
        maxLength={100}
        pattern="(?!.*[0-9０-９]{6}).*"
        title={ID_NUMBER_ELSEWHERE}
      />
      <div className="flex items-start gap-2 pt-6">
        <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          筛选
        </button>
        <Link href="/admin/learners" className="rounded-lg px-4 py-2 text-brand-800 hover:bg-brand-50">
          清除
        </Link>
      </div>
    </form>
  );
}
