import Link from "next/link";
import { LoginForm } from "./login-form";

/** The learner sign-in: the form, and where to go for those who cannot sign in yet. */
export function LoginPanel() {
  return (
    <div className="mx-auto grid max-w-4xl gap-6 md:grid-cols-[1fr_18rem]">
      <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
        <h1 className="text-xl font-semibold text-brand-900">学员登录</h1>
        <p className="mt-1 text-sm text-slate-600">已进行信息采集的会计人员，输入身份证号和姓名即可登录学习。</p>
        <div className="mt-6">
          <LoginForm />
        </div>
      </section>
      <aside className="space-y-4 text-sm leading-relaxed text-slate-700">
        <div className="rounded-xl bg-amber-50 p-5 ring-1 ring-amber-200">
          <h2 className="font-semibold text-amber-900">无法登录？</h2>
          <p className="mt-1 text-amber-900">
            未进行信息采集的人员，应持单位工作证明、会计专业技术资格证书等相关材料到属地区财政局进行信息采集后，方能参加网上继续教育培训。
          </p>
          <Link
            href="/help/contacts"
            className="mt-2 inline-block font-medium text-amber-950 underline underline-offset-2"
          >
            各区财政局联系方式
          </Link>
        </div>
        <p>
          工作人员请从{" "}
          <Link href="/staff/login" className="text-brand-700 underline underline-offset-2">
            管理登录
          </Link>{" "}
          进入。
        </p>
      </aside>
    </div>
  );
}
