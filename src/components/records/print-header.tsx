import { recordMessages as m } from "@/messages/zh-CN/records";

interface PrintHeaderProps {
  name: string;
  /** The stored masked form (e.g. 4201**********1238): the full number never reaches a page. */
  idNumberMasked: string;
  district: string;
  /** YYYY-MM-DD in Asia/Shanghai. */
  printDate: string;
}

/** The printed record's heading: whose record it is and when it was printed. Print only. */
export function PrintHeader({ name, idNumberMasked, district, printDate }: PrintHeaderProps) {
  const fields = [
    [m.name, name],
    [m.idNumber, idNumberMasked],
    [m.district, district],
    [m.printDate, printDate],
  ] as const;
  return (
    <div className="hidden border-b-2 border-black pb-3 print:block">
      <h1 className="text-center text-xl font-bold tracking-wide">{m.printTitle}</h1>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
        {fields.map(([label, value]) => (
          <div key={label} className="flex gap-2">
            <dt>{label}：</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
