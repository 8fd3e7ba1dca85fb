import Link from "next/link";
import { PLAYBACK_HOTLINES, SITE_NAME } from "@/lib/site";

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white text-sm text-slate-600">
      <div className="mx-auto grid max-w-6xl gap-4 px-4 py-6 sm:grid-cols-2">
        <div>
          <p className="font-medium text-slate-800">课程播放问题咨询电话</p>
          <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {PLAYBACK_HOTLINES.map((phone) => (
              <a key={phone} href={`tel:${phone.replaceAll("-", "")}`} className="tabular-nums hover:text-brand-700">
                {phone}
              </a>
            ))}
          </p>
        </div>
        <div>
          <p className="font-medium text-slate-800">政策规定和信息采集问题</p>
          <p className="mt-1">
            请咨询所属区财政局或市会计考办：
            <Link href="/help/contacts" className="text-brand-700 underline underline-offset-2">
              查看联系方式
            </Link>
          </p>
        </div>
        <p className="text-xs text-slate-500 sm:col-span-2">
          {SITE_NAME} · 为武汉市会计专业技术人员提供免费网上继续教育
        </p>
      </div>
    </footer>
  );
}
