import { ContactsView } from "@/components/public/contacts-view";
import { listDistrictContacts } from "@/server/districts/list-district-contacts";

export const metadata = { title: "联系方式" };
export const dynamic = "force-dynamic";

export default async function ContactsPage() {
  return <ContactsView contacts={await listDistrictContacts()} />;
}
