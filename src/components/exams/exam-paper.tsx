"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import type { OpenPaperQuestion } from "@/server/exams/find-attempt-for-learner";
import { Countdown } from "./countdown";
import { examRequests } from "./exam-requests";
import { QuestionFieldset } from "./question-fieldset";
import { SaveStatus } from "./save-status";
import { SubmitPanel } from "./submit-panel";
import { useAnswerSaver } from "./use-answer-saver";

export interface ExamPaperProps {
  attemptId: string;
  courseTitle: string;
  number: number;
  deadline: string;
  serverNow: string;
  /** What the browser may know of the paper: no correct flags, no explanations. */
  questions: OpenPaperQuestion[];
}

/** The paper: answers saved as the learner goes, a countdown to the server's deadline, 交卷. */
export function ExamPaper({ attemptId, courseTitle, number, deadline, serverNow, questions }: ExamPaperProps) {
  const router = useRouter();
  const [answers, setAnswers] = useState(() => new Map(questions.map((q) => [q.questionId, q.answer])));
  const [closedMessage, setClosedMessage] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [handedIn, setHandedIn] = useState(false);
  const [submitting, startSubmit] = useTransition();

  // Time up, handed in elsewhere, or signed out: the server has the last word, so reload.
  const onClosed = useCallback(
    (code: string, message: string) => {
      setClosedMessage(message);
      if (code !== "UNAUTHENTICATED") router.refresh();
    },
    [router],
  );
  const saver = useAnswerSaver(attemptId, onClosed);
  const onExpire = useCallback(
    () => onClosed("EXAM_TIME_UP", "考试时间已到，系统正在按已保存的答案自动交卷…"),
    [onClosed],
  );

  const answeredCount = questions.filter((q) => (answers.get(q.questionId)?.length ?? 0) > 0).length;
  const locked = closedMessage !== null || handedIn;

  const change = (questionId: string, optionIds: string[]) => {
    setAnswers((previous) => new Map(previous).set(questionId, optionIds));
    saver.queue(questionId, optionIds);
  };

  const submit = () =>
    startSubmit(async () => {
      setSubmitError(null);
      if (!(await saver.flush())) {
        setSubmitError("还有答案未能保存，请检查网络连接后再交卷。");
        return;
      }
      let result: Awaited<ReturnType<typeof examRequests.submit>>;
      try {
        result = await examRequests.submit({ attemptId });
      } catch {
        setSubmitError("网络连接中断，交卷未成功，请稍后重试。您的答案已保存。");
        return;
      }
      if (!result.ok) {
        setSubmitError(result.message);
        return;
      }
      // Graded: this address now renders the result. A refresh also drops every page the client
      // router keeps, so the dashboard, records and exam pages show the new credits when visited.
      setHandedIn(true);
      router.refresh();
    });

  return (
    <div className="space-y-5">
      <header>
        <p className="text-sm text-slate-600">第 {number} 次考试</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{courseTitle}</h1>
      </header>
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-slate-200 bg-slate-50/95 px-4 py-2 backdrop-blur">
        <Countdown deadline={deadline} serverNow={serverNow} onExpire={onExpire} />
        <p className="text-sm text-slate-700">
          已答 <span className="tabular-nums font-medium">{answeredCount}</span> / {questions.length} 题
        </p>
        <SaveStatus state={saver.state} />
      </div>
      {closedMessage ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200">
          {closedMessage}
        </p>
      ) : null}
      <form onSubmit={(e) => e.preventDefault()} className="space-y-4" aria-label="试卷">
        {questions.map((q) => (
          <QuestionFieldset
            key={q.questionId}
            question={q}
            answer={answers.get(q.questionId) ?? []}
            disabled={locked || submitting}
            onChange={(optionIds) => change(q.questionId, optionIds)}
          />
        ))}
      </form>
      <SubmitPanel
        unanswered={questions.length - answeredCount}
        disabled={locked}
        submitting={submitting}
        error={submitError}
        onSubmit={submit}
      />
    </div>
  );
}
