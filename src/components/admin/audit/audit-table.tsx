import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/time";
import { ACTOR_TYPE_LABELS, AUDIT_OUTCOME_LABELS, auditActionLabel } from "./action-labels";
import { describeAuditDetails } from "./describe-details";

export interface AuditTableEntry {
  id: string;
  at: Date;
  actorType: keyof typeof ACTOR_TYPE_LABELS;
  actor: { displayName: string; username: string } | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  targetLearner?: { id: string; name: string; idNumberMasked: string } | null;
  targetStaff?: { username: string } | null;
  ip: string | null;
  outcome: keyof typeof AUDIT_OUTCOME_LABELS;
  details: unknown;
}

function Target({ entry }: { entry: AuditTableEntry }) {
  if (entry.targetLearner) {
    return (
      <Link
        href={`/admin/learners/${entry.targetLearner.id}`}
        className="text-brand-700 underline-offset-2 hover:underline"
      >
        学员 {entry.targetLearner.name}
      </Link>
    );
  }
  if (entry.targetStaff) return <>工作人员 {entry.targetStaff.username}</>;
  if (entry.targetType === "LoginSubject") return <>登录账号</>;
  if (entry.targetType === "Learner") return <>学员（已不在本区）</>;
  return (
    <>{entry.targetType ? `${entry.targetType}${entry.targetId ? ` ${entry.targetId.slice(0, 12)}` : ""}` : "—"}</>
  );
}

/** Audit entries: when, who, what, target, outcome, address and details. */
export function AuditTable({
  entries,
  caption,
  showTarget = true,
}: {
  entries: AuditTableEntry[];
  caption: string;
  showTarget?: boolean;
}) {
  if (entries.length === 0) return <p className="py-4 text-sm text-slate-600">没有符合条件的记录。</p>;
  return (
    <DataTable
      label={caption}
      caption={caption}
      minWidth="min-w-[52rem]"
      shadedHead
      columns={["时间", "操作人", "操作", ...(showTarget ? ["对象"] : []), "结果", "地址", "详情"]}
    >
      <tbody className="divide-y divide-slate-100 align-top">
        {entries.map((entry) => (
          <tr key={entry.id}>
            <th scope="row" className="px-3 py-2 text-left font-normal tabular-nums whitespace-nowrap text-slate-600">
              {formatDateTime(entry.at)}
            </th>
            <td className="px-3 py-2 whitespace-nowrap">
              {entry.actor ? (
                <>
                  {entry.actor.displayName}
                  <span className="block font-mono text-xs text-slate-500">{entry.actor.username}</span>
                </>
              ) : (
                ACTOR_TYPE_LABELS[entry.actorType]
              )}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{auditActionLabel(entry.action)}</td>
            {showTarget ? (
              <td className="px-3 py-2 whitespace-nowrap">
                <Target entry={entry} />
              </td>
            ) : null}
            <td
              className={`px-3 py-2 whitespace-nowrap ${entry.outcome === "SUCCESS" ? "text-emerald-700" : "text-red-700"}`}
            >
              {AUDIT_OUTCOME_LABELS[entry.outcome]}
            </td>
            <td className="px-3 py-2 font-mono text-xs whitespace-nowrap text-slate-600">{entry.ip ?? "—"}</td>
            <td className="min-w-[18rem] px-3 py-2 text-xs leading-relaxed text-slate-700">
              {describeAuditDetails(entry.details).map((line, i) => (
                <div key={i}>{line}</div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
