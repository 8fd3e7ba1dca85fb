"use server";

import { revalidatePath } from "next/cache";
import { SIGNED_OUT_PAGES } from "@/lib/signed-out-pages";
import { updateDistrictContact, ZUpdateDistrictContactInput } from "@/server/districts/update-district-contact";
import { action } from "./action";

/** A district's registration-office contact, as learners see it on 联系方式. */
export const updateDistrictContactByStaff = action(
  {
    name: "districts.contact.update",
    auth: "staff",
    permission: "districts.contact.edit",
    schema: ZUpdateDistrictContactInput,
  },
  async (input, { staff, ip }) => {
    const result = await updateDistrictContact(staff, input, ip);
    revalidatePath("/admin/districts");
    revalidatePath("/help/contacts");
    revalidatePath(SIGNED_OUT_PAGES.get("/help/contacts")!);
    return result;
  },
);
