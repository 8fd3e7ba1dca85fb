import type { ReactNode } from "react";
import type { DistrictContact } from "@/server/districts/list-district-contacts";

const KIND_LABEL = { CITY: "市级", DISTRICT: "行政区", ZONE: "功能区" } as const;

/** 政策咨询与信息采集联系方式: the offices that register learners, as administrators entered them. */
export function ContactsView({ contacts }: { contacts: readonly DistrictContact[] }) {
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-brand-900">政策咨询与信息采集联系方式</h1>
        <p className="mt-2 max-w-3xl text-sm leading-relaxed text-slate-600">
          有关继续教育政策规定和信息采集问题，请咨询所属区财政局或市会计考办。尚未进行信息采集的人员，请持单位工作证明、会计专业技术资格证书等相关材料到属地区财政局办理。
        </p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {contacts.map((c) => (
          <li key={c.id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <p className="text-xs text-slate-500">
              {KIND_LABEL[c.kind]} · {c.name}
            </p>
            <h2 className="mt-1 font-semibold text-slate-900">{c.officeName}</h2>
            <dl className="mt-3 space-y-1 text-sm text-slate-700">
              <Row label="电话">
                {c.phone ? (
                  <a
                    href={`tel:${c.phone.replaceAll("-", "")}`}
                    className="tabular-nums text-brand-700 underline-offset-2 hover:underline"
                  >
                    {c.phone}
                  </a>
                ) : (
                  "暂未公布"
                )}
              </Row>
              <Row label="地址">{c.address || "暂未公布"}</Row>
              <Row label="时间">{c.hours || "暂未公布"}</Row>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-10 shrink-0 text-slate-500">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
