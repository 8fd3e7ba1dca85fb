import { redirect } from "next/navigation";
import { PasswordForm } from "@/components/staff/password-form";
import { getCurrentStaff } from "@/server/auth/session";

export const metadata = { title: "修改密码" };

export default async function PasswordPage() {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/staff/login");
  return (
    <section className="mx-auto max-w-md rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
      <h1 className="text-xl font-semibold text-brand-900">修改密码</h1>
      {staff.mustChangePassword ? (
        <p className="mt-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          您的账号由管理员创建，首次登录须设置自己的密码后才能继续使用。
        </p>
      ) : null}
      <div className="mt-6">
        <PasswordForm />
      </div>
    </section>
  );
}
