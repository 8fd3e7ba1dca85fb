"use server";

import { revalidatePath } from "next/cache";
import { addTicketNote, ZAddTicketNoteInput } from "@/server/support/add-ticket-note";
import { changeTicketStatus, ZChangeTicketStatusInput } from "@/server/support/change-ticket-status";
import { lookupLearners, ZLookupInput } from "@/server/support/lookup-learners";
import { action } from "./action";

// The support console's only actions: looking learners up and working tickets. Support staff
// have no action that changes credits, progress, exams or learner data at all.

/** 查找学员: by reference, full ID number or name and district; audited with its reason. */
export const lookupLearner = action(
  { name: "support.lookup", auth: "staff", permission: "support.use", schema: ZLookupInput },
  (input, { staff, ip }) => lookupLearners(staff, input, ip),
);

/** 工单状态: open → in progress → resolved (resolution required), or back; audited. */
export const setTicketStatus = action(
  { name: "support.ticket.update", auth: "staff", permission: "support.use", schema: ZChangeTicketStatusInput },
  async (input, { staff, ip }) => {
    const changed = await changeTicketStatus(staff, input, ip);
    // revalidatePath does not throw: safe inside the wrapper's try.
    revalidatePath(`/support/reports/${changed.reference}`);
    revalidatePath("/support/reports");
    return changed;
  },
);

/** 工单备注: a working note for staff; audited. */
export const addNoteToTicket = action(
  { name: "support.ticket.note", auth: "staff", permission: "support.use", schema: ZAddTicketNoteInput },
  async (input, { staff, ip }) => {
    const added = await addTicketNote(staff, input, ip);
    revalidatePath(`/support/reports/${added.reference}`);
    return added;
  },
);
