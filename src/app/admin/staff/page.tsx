import type { Metadata } from "next";
import { CreateStaffForm } from "@/components/admin/staff/create-staff-form";
import { StaffRowActions } from "@/components/admin/staff/staff-row-actions";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/time";
import { requireStaff } from "@/server/auth/session";
import { listRegistrationDistricts } from "@/server/learners/list-registration-districts";
import { listStaff } from "@/server/staff/list-staff";

export const metadata: Metadata = { title: "工作人员" };

const ROLE_LABELS = { CITY_ADMIN: "市会计考办管理员", DISTRICT_ADMIN: "区财政局管理员", SUPPORT: "技术支持" } as const;

export default async function StaffPage() {
  const me = await requireStaff("staff.manage");
  const [staff, districts] = await Promise.all([listStaff(me), listRegistrationDistricts(me)]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold text-brand-900">工作人员</h1>
        <p className="mt-1 text-sm text-slate-600">
          创建区财政局、市会计考办和技术支持人员的账号。新账号及重置密码后的账号，首次登录须修改密码。
        </p>
      </header>
      <section
        aria-labelledby="new-staff-title"
        className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
      >
        <h2 id="new-staff-title" className="text-lg font-semibold">
          创建账号
        </h2>
        <CreateStaffForm districts={districts} />
      </section>
      <section
        aria-labelledby="staff-list-title"
        className="space-y-3 rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200 sm:p-5"
      >
        <h2 id="staff-list-title" className="text-lg font-semibold">
          全部账号（{staff.length}）
        </h2>
        <DataTable
          label="工作人员账号"
          caption="工作人员账号"
          minWidth="min-w-[48rem]"
          shadedHead
          columns={["用户名", "姓名", "角色", "状态", "创建时间", "操作"]}
        >
          <tbody className="divide-y divide-slate-100 align-top">
            {staff.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="px-3 py-2 text-left font-mono font-normal">
                  {s.username}
                </th>
                <td className="px-3 py-2">{s.displayName}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {ROLE_LABELS[s.role]}
                  {s.district ? `（${s.district.name}）` : ""}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {s.active ? (
                    <span className="text-emerald-700">正常</span>
                  ) : (
                    <span className="text-red-700">已停用</span>
                  )}
                  {s.mustChangePassword ? <span className="block text-xs text-amber-800">待修改初始密码</span> : null}
                </td>
                <td className="px-3 py-2 tabular-nums whitespace-nowrap text-slate-600">
                  {formatDateTime(s.createdAt)}
                </td>
                <td className="px-3 py-2">
                  {s.id === me.id ? (
                    <span className="text-xs text-slate-500">当前账号</span>
                  ) : (
                    <StaffRowActions staff={s} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
    </div>
  );
}
