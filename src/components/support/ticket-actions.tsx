"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { TextareaField } from "@/components/ui/textarea-field";
import {
  nextTicketStatuses,
  NOTE_MAX_LENGTH,
  RESOLUTION_MAX_LENGTH,
  transitionLabel,
  type TicketStatus,
} from "@/domain/support/tickets";
import type { ActionResult } from "@/lib/action-result";
import { addNoteToTicket, setTicketStatus } from "@/server/actions/support";

/**
 * Working a ticket: one button per status it may move to (the resolution is required to
 * resolve), and a note. The page remounts this after a change (keyed by status).
 */
export function TicketActions({ reference, status }: { reference: string; status: TicketStatus }) {
  type State = ActionResult<unknown> | null;
  const [statusState, statusAction, statusPending] = useActionState<State, FormData>(setTicketStatus, null);
  const [noteState, noteAction, notePending] = useActionState<State, FormData>(addNoteToTicket, null);
  const statusErrors = statusState && !statusState.ok ? statusState.fieldErrors : undefined;
  const noteErrors = noteState && !noteState.ok ? noteState.fieldErrors : undefined;
  const next = nextTicketStatuses(status);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={statusAction} noValidate className="space-y-3" aria-labelledby="ticket-status-title">
        <h3 id="ticket-status-title" className="font-semibold">
          更改状态
        </h3>
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="from" value={status} />
        {next.includes("RESOLVED") ? (
          <TextareaField
            idPrefix="ticket"
            name="resolution"
            label="处理结果"
            hint="学员可以在“学习帮助”页面看到；标记为已解决时必填。"
            errors={statusErrors?.resolution}
            rows={3}
            maxLength={RESOLUTION_MAX_LENGTH}
          />
        ) : null}
        <TextareaField
          idPrefix="ticket-status"
          name="note"
          label="内部备注（选填）"
          hint="仅工作人员可见。"
          errors={statusErrors?.note}
          rows={3}
          maxLength={NOTE_MAX_LENGTH}
        />
        <FormAlert state={statusState} />
        <div className="flex flex-wrap gap-2">
          {next.map((to) => (
            <Button
              key={to}
              type="submit"
              name="to"
              value={to}
              disabled={statusPending}
              variant={to === "RESOLVED" ? "primary" : "secondary"}
            >
              {transitionLabel(status, to)}
            </Button>
          ))}
        </div>
      </form>
      <form action={noteAction} noValidate className="space-y-3" aria-labelledby="ticket-note-title">
        <h3 id="ticket-note-title" className="font-semibold">
          添加备注
        </h3>
        <input type="hidden" name="reference" value={reference} />
        <TextareaField
          idPrefix="ticket-note"
          name="body"
          label="备注内容"
          hint="仅工作人员可见，例如与学员沟通的情况。"
          errors={noteErrors?.body}
          rows={3}
          maxLength={NOTE_MAX_LENGTH}
        />
        <FormAlert state={noteState} />
        <p role="status" className="text-sm text-emerald-700">
          {noteState?.ok ? "备注已添加。" : ""}
        </p>
        <Button type="submit" variant="secondary" disabled={notePending}>
          {notePending ? "正在保存…" : "添加备注"}
        </Button>
      </form>
    </div>
  );
}
