import { notFound } from "next/navigation";
import { ContactsView } from "@/components/public/contacts-view";
import { listDistrictContacts } from "@/server/districts/list-district-contacts";

export const metadata = { title: "联系方式" };

// 联系方式 as a visitor sees it: rendered at its first request and then kept (incremental static
// regeneration), not at `next build`, which has no database. An administrator's edit
// invalidates it at once on the instance that saved it (revalidatePath in the action); other
// instances renew their copy within a minute.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams(): { section: string }[] {
  return [];
}

export default async function SignedOutHelpSectionPage({ params }: { params: Promise<{ section: string }> }) {
  if ((await params).section !== "contacts") notFound();
  return <ContactsView contacts={await listDistrictContacts()} />;
}
