import Link from "next/link";
import type { ReactNode } from "react";
import { PLAYBACK_HOTLINES } from "@/lib/site";

const FAQ: { q: string; a: string }[] = [
  {
    q: "每年需要取得多少学分？",
    a: "每年取得的学分不少于 90 学分（即 30 学时，每学时折算 3 学分），其中专业科目一般不少于 60 学分，其余可以是公需科目。",
  },
  {
    q: "今年多学的学分能结转到明年吗？",
    a: "不能。学分当年有效，不得结转以后年度。超出的学分只计入取得它的年度。",
  },
  {
    q: "往年没有完成，还能补学吗？",
    a: "可以。从 2019 年开始，因故未在当年完成继续教育的，可以通过本网站补学；但须先完成上一年度的继续教育，才能参加下一年度的学习。系统会自动把您新取得的学分计入最早未完成的年度。",
  },
  {
    q: "怎样才能取得课程的学分？",
    a: "完整学习课程的全部视频（系统按实际观看时间核验学习进度），再通过课程考试，即可取得该课程的学分。",
  },
  {
    q: "完成学习后还需要到现场登记吗？",
    a: "不需要。学习系统会定期将您的继续教育完成情况导入湖北省会计人员管理系统和湖北省财政厅公众网查询系统。",
  },
  {
    q: "输入身份证号和姓名后无法登录怎么办？",
    a: "请核对身份证号和姓名是否与信息采集时一致。尚未进行信息采集的人员，应持单位工作证明、会计专业技术资格证书等材料到属地区财政局进行信息采集。",
  },
];

/** 学习帮助: hotlines, browsers, questions; `myReports` is the signed-in learner's own reports. */
export function HelpContent({ myReports }: { myReports?: ReactNode }) {
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold text-brand-900">学习帮助</h1>

      <section aria-labelledby="hotlines" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="hotlines" className="text-lg font-semibold">
          课程播放问题咨询电话
        </h2>
        <ul className="mt-3 flex flex-wrap gap-3">
          {PLAYBACK_HOTLINES.map((phone) => (
            <li key={phone}>
              <a
                href={`tel:${phone.replaceAll("-", "")}`}
                className="inline-block rounded-lg bg-brand-50 px-4 py-2 text-lg font-semibold tabular-nums text-brand-800 ring-1 ring-brand-100"
              >
                {phone}
              </a>
            </li>
          ))}
        </ul>
        <h3 className="mt-5 font-medium">致电前请准备</h3>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm leading-relaxed text-slate-700">
          <li>
            在播放页面点击“播放遇到问题？”提交问题后得到的<strong>问题编号</strong>（客服可据此快速查到诊断信息）；
          </li>
          <li>出现问题的课程名称和章节，以及大致时间；</li>
          <li>所用设备（电脑或手机）、操作系统和浏览器名称。</li>
        </ul>
        <p className="mt-3 text-sm text-slate-600">
          政策规定和信息采集问题请咨询所属区财政局或市会计考办：
          <Link href="/help/contacts" className="text-brand-700 underline underline-offset-2">
            联系方式
          </Link>
        </p>
      </section>

      {myReports}

      <section aria-labelledby="browsers" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="browsers" className="text-lg font-semibold">
          浏览器要求
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm leading-relaxed text-slate-700">
          <li>
            电脑：最新版本的 Chrome、Microsoft Edge、Firefox 或 Safari；使用 360、QQ 等双核浏览器时请切换到“极速模式”。
          </li>
          <li>手机：iPhone 使用 Safari，安卓手机使用系统浏览器或 Chrome；也可在微信中打开。</li>
          <li>请允许网站播放视频；学习时保持页面在前台，切换到其他页面时视频会自动暂停。</li>
          <li>网络不稳定时视频可能缓冲，已核验的学习进度不会丢失，重新打开后会从上次位置继续。</li>
        </ul>
      </section>

      <section aria-labelledby="faq">
        <h2 id="faq" className="text-lg font-semibold">
          常见问题
        </h2>
        <div className="mt-3 space-y-3">
          {FAQ.map((item) => (
            <details key={item.q} className="group rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <summary className="cursor-pointer font-medium text-slate-900">{item.q}</summary>
              <p className="mt-2 text-sm leading-relaxed text-slate-700">{item.a}</p>
            </details>
          ))}
        </div>
      </section>
    </div>
  );
}
