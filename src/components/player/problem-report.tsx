"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { TextField } from "@/components/ui/text-field";
import { TextareaField } from "@/components/ui/textarea-field";
import type { ActionResult } from "@/lib/action-result";
import { PLAYBACK_HOTLINES } from "@/lib/site";
import { reportPlaybackProblem } from "@/server/actions/playback";
import { runDiagnostics, type PlaybackDiagnostics } from "./run-diagnostics";

type State = ActionResult<{ reference: string }> | null;

interface Props {
  enrollmentId: string;
  lessonId: string;
  videoUrl: string;
  /** The player's position, sent with the diagnostics. */
  positionMs?: () => number | undefined;
}

/** 播放遇到问题？: a short form that sends a diagnostic with the learner's words. */
export function ProblemReport(props: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Each opening is a fresh form (and a fresh diagnostic).
  const [opened, setOpened] = useState(0);
  return (
    <div>
      <button
        type="button"
        onClick={() => {
          setOpened((n) => n + 1);
          dialog.current?.showModal();
        }}
        className="text-sm font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900"
      >
        播放遇到问题？
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="problem-title"
        className="m-auto w-[min(32rem,calc(100vw-1.5rem))] rounded-xl p-5 shadow-xl backdrop:bg-slate-900/50"
      >
        <h2 id="problem-title" className="text-lg font-semibold text-slate-900">
          播放遇到问题？
        </h2>
        {opened > 0 ? <ProblemForm key={opened} {...props} close={() => dialog.current?.close()} /> : null}
      </dialog>
    </div>
  );
}

function ProblemForm({ enrollmentId, lessonId, videoUrl, positionMs, close }: Props & { close: () => void }) {
  const [diagnostics, setDiagnostics] = useState<PlaybackDiagnostics | null>(null);
  const [length, setLength] = useState(0);
  const [state, formAction, pending] = useActionState<State, FormData>(reportPlaybackProblem, null);
  useEffect(() => {
    let live = true;
    void runDiagnostics(videoUrl, positionMs?.()).then((d) => live && setDiagnostics(d));
    return () => {
      live = false;
    };
    // Once per opening: the form is keyed by it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const done = state?.ok ? state.data.reference : null;

  return (
    <>
      {done ? (
        <div role="status" className="mt-3 space-y-3 text-sm text-slate-800">
          <p>
            问题已提交，参考编号：
            <strong className="font-mono text-lg tracking-wider text-brand-900" data-testid="problem-reference">
              {done}
            </strong>
          </p>
          <p>如需帮助，请拨打课程播放咨询电话，并告知上面的参考编号：</p>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 font-medium">
            {PLAYBACK_HOTLINES.map((phone) => (
              <li key={phone}>
                <a href={`tel:${phone}`} className="text-brand-800 underline">
                  {phone}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <form action={formAction} className="mt-3 space-y-3">
          <input type="hidden" name="enrollmentId" value={enrollmentId} />
          <input type="hidden" name="lessonId" value={lessonId} />
          <input type="hidden" name="diagnostics" value={diagnostics ? JSON.stringify(diagnostics) : ""} />
          <TextareaField
            idPrefix="problem"
            name="description"
            label="遇到了什么问题（必填）"
            required
            maxLength={500}
            rows={4}
            onChange={(e) => setLength(e.target.value.length)}
            hint={`例如：视频一直在加载、有声音没有画面。${length}/500`}
            errors={errors?.description}
          />
          <TextField
            idPrefix="problem"
            name="phone"
            label="联系电话（选填）"
            type="tel"
            inputMode="tel"
            maxLength={20}
            autoComplete="tel"
            errors={errors?.phone}
          />
          <p aria-live="polite" className="text-xs text-slate-600">
            {diagnostics
              ? `已完成播放环境检测（视频地址${diagnostics.reach.ok ? "可以访问" : "无法访问"}），将随问题一并提交。`
              : "正在检测播放环境…"}
          </p>
          {state && !state.ok && !errors?.description && !errors?.phone ? (
            <p role="alert" className="text-sm text-red-700">
              {state.message}
            </p>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" onClick={close} className="rounded-lg px-4 py-2 text-brand-800 hover:bg-brand-50">
              取消
            </button>
            <button
              type="submit"
              disabled={pending || !diagnostics}
              className="rounded-lg bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800 disabled:bg-slate-400"
            >
              {pending ? "正在提交…" : "提交"}
            </button>
          </div>
        </form>
      )}
      {done ? (
        <button
          type="button"
          onClick={close}
          className="mt-4 rounded-lg px-4 py-2 text-brand-800 ring-1 ring-brand-200 hover:bg-brand-50"
        >
          关闭
        </button>
      ) : null}
    </>
  );
}
