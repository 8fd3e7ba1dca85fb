import { NotFoundNotice } from "@/components/not-found-notice";

export const metadata = { title: "页面不存在" };

// Inside this area's layout, so its header stays.
export default function AreaNotFound() {
  return <NotFoundNotice />;
}
