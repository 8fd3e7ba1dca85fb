"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { examRequests } from "./exam-requests";

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "offline" }
  | { kind: "error"; message: string };

/** Refusals after which saving is over for this paper: the page must reload to show why. */
const CLOSING_CODES = new Set(["EXAM_TIME_UP", "ATTEMPT_CLOSED", "ATTEMPT_NOT_FOUND", "UNAUTHENTICATED"]);
const DEBOUNCE_MS = 400;
const RETRY_MS = 3_000;
// Saves go to the exam endpoints, which do not renew the session cookie (proxy.ts does, for the
// pages): while answers are being saved, the page asks for a renewal now and then, the same
// keep-alive the player uses, so that a learner at work on a paper stays signed in (30-minute
// idle limit).
const KEEPALIVE_MS = 5 * 60_000;
const keepAlive = () => void fetch("/api/playback/keepalive", { method: "POST" }).catch(() => undefined);

/**
 * Saves answers as the learner goes: changes are debounced, sent one at a time (the latest answer
 * of each question wins), and kept for a retry when the connection is lost. `flush` sends what is
 * waiting and reports whether everything was saved (the hand-in awaits it).
 */
export function useAnswerSaver(attemptId: string, onClosed: (code: string, message: string) => void) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const waiting = useRef(new Map<string, string[]>());
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const closed = useRef(false);
  const lastKeepAlive = useRef(0);
  // The retry timer calls the latest flush through this ref (flush cannot name itself).
  const retry = useRef<() => void>(() => {});

  const sendWaiting = useCallback(async (): Promise<boolean> => {
    while (!closed.current) {
      const next = waiting.current.entries().next();
      if (next.done) return true;
      const [questionId, optionIds] = next.value;
      waiting.current.delete(questionId);
      setState({ kind: "saving" });
      let result: Awaited<ReturnType<typeof examRequests.saveAnswer>>;
      try {
        result = await examRequests.saveAnswer({ attemptId, questionId, optionIds });
      } catch {
        // Lost connection: keep the answer (unless a newer one is waiting) and try again soon.
        if (!waiting.current.has(questionId)) waiting.current.set(questionId, optionIds);
        setState({ kind: "offline" });
        return false;
      }
      if (!result.ok) {
        if (CLOSING_CODES.has(result.code)) {
          closed.current = true;
          onClosed(result.code, result.message);
          return false;
        }
        setState({ kind: "error", message: result.message });
        return false;
      }
      if (Date.now() - lastKeepAlive.current >= KEEPALIVE_MS) {
        lastKeepAlive.current = Date.now();
        keepAlive();
      }
    }
    return false;
  }, [attemptId, onClosed]);

  const flush = useCallback((): Promise<boolean> => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(sendWaiting).then((done) => {
      if (done) setState(waiting.current.size > 0 ? { kind: "pending" } : { kind: "saved" });
      else if (!closed.current && waiting.current.size > 0) timer.current = setTimeout(() => retry.current(), RETRY_MS);
      return done;
    });
    return chain.current;
  }, [sendWaiting]);

  const queue = useCallback(
    (questionId: string, optionIds: string[]) => {
      waiting.current.set(questionId, optionIds);
      setState({ kind: "pending" });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  useEffect(() => {
    lastKeepAlive.current = Date.now(); // the paper's page itself renewed the session
  }, []);

  useEffect(() => {
    retry.current = () => void flush();
    const onOnline = () => void flush();
    // Leaving with answers not yet saved: the browser asks the learner to stay.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (waiting.current.size > 0) event.preventDefault();
    };
    window.addEventListener("online", onOnline);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("beforeunload", onBeforeUnload);
      clearTimeout(timer.current);
    };
  }, [flush]);

  return { state, queue, flush };
}
