import { redirect } from "next/navigation";
import { StaffLoginForm } from "@/components/staff/staff-login-form";
import { getCurrentStaff, staffHome } from "@/server/auth/session";

export const metadata = { title: "工作人员登录" };

export default async function StaffLoginPage() {
  const staff = await getCurrentStaff();
  if (staff) redirect(staff.mustChangePassword ? "/staff/password" : staffHome(staff.role));
  return (
    <section className="mx-auto max-w-md rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
      <h1 className="text-xl font-semibold text-brand-900">工作人员登录</h1>
      <p className="mt-1 text-sm text-slate-600">市会计考办、区财政局管理员和技术支持人员使用。</p>
      <div className="mt-6">
        <StaffLoginForm />
      </div>
    </section>
  );
}
