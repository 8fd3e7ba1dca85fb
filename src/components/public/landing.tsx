import Link from "next/link";
import { SITE_NAME } from "@/lib/site";

/** The public landing page: what the portal is, the rules in short, how to get registered. */
export function Landing() {
  return (
    <div className="space-y-8">
      <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-10">
        <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{SITE_NAME}</h1>
        <p className="mt-3 max-w-2xl leading-relaxed text-slate-700">
          为武汉市会计专业技术人员提供免费的网上继续教育。已完成信息采集的学员，使用身份证号和姓名登录，在线学习课程、通过考试取得学分，学习系统定期将完成情况报送湖北省会计人员管理系统，无需再到现场登记。
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/login" className="rounded-lg bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800">
            学员登录
          </Link>
          <Link href="/help" className="rounded-lg px-5 py-2.5 font-medium text-brand-800 ring-1 ring-brand-200 ring-inset hover:bg-brand-50">
            学习须知
          </Link>
        </div>
      </section>

      <section aria-labelledby="rules" className="grid gap-4 sm:grid-cols-3">
        <h2 id="rules" className="sr-only">学习要求</h2>
        <Fact title="每年 90 学分">每年取得的学分不少于 90 学分（30 学时，每学时折算 3 学分）。</Fact>
        <Fact title="专业科目 60 学分">课程分为公需科目和专业科目，专业科目一般不少于 60 学分。</Fact>
        <Fact title="当年有效 · 先补后学">学分当年有效，不得结转。未完成的年度可以补学，完成上一年度后方可学习下一年度。</Fact>
      </section>

      <section className="rounded-xl bg-amber-50 p-5 text-sm leading-relaxed text-amber-900 ring-1 ring-amber-200">
        <h2 className="font-semibold">还没有进行信息采集？</h2>
        <p className="mt-1">
          请持单位工作证明、会计专业技术资格证书等材料到属地区财政局进行信息采集后，再登录学习。
          <Link href="/help/contacts" className="ml-1 underline underline-offset-2">
            各区财政局联系方式
          </Link>
        </p>
      </section>
    </div>
  );
}

function Fact({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <p className="text-lg font-semibold text-brand-800">{title}</p>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">{children}</p>
    </div>
  );
}
