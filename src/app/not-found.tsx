import { HeaderBar, PUBLIC_NAV } from "@/components/header-bar";
import { NotFoundNotice } from "@/components/not-found-notice";
import { PageFrame } from "@/components/page-frame";

export const metadata = { title: "页面不存在" };

// An address that matches no page. Next.js renders this boundary into every page's tree, the
// prebuilt public pages' too, so it cannot read the session: it shows the public header. A page
// that finds no such course or record shows its area's own not-found, inside its header.
export default function NotFound() {
  return (
    <PageFrame header={<HeaderBar nav={PUBLIC_NAV} />}>
      <NotFoundNotice />
    </PageFrame>
  );
}
