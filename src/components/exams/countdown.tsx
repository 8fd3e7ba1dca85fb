"use client";

import { useEffect, useRef, useState } from "react";
import { describeRemaining, formatRemaining } from "@/domain/exams";

/** How long before the deadline the remaining time is announced to screen readers. */
const ANNOUNCE_AT_MS = [10 * 60_000, 5 * 60_000, 60_000];
const RETRY_EXPIRY_MS = 2_000;

/**
 * The remaining time until the server's deadline. The server decides; this only displays. The
 * browser's clock may be wrong, so the time is counted from the server's clock at render
 * (`serverNow`), shifted by the browser's clock at mount.
 */
export function Countdown({
  deadline,
  serverNow,
  onExpire,
}: {
  deadline: string;
  serverNow: string;
  onExpire: () => void;
}) {
  const deadlineMs = Date.parse(deadline);
  const [remaining, setRemaining] = useState(deadlineMs - Date.parse(serverNow));
  const [announcement, setAnnouncement] = useState("");
  // When the deadline passes the page reloads from the server; if the server (whose clock
  // decides) still has it open, this asks again a little later rather than giving up.
  const lastExpiry = useRef(0);
  const onExpireRef = useRef(onExpire);

  useEffect(() => {
    onExpireRef.current = onExpire;
  }, [onExpire]);

  useEffect(() => {
    const offset = Date.parse(serverNow) - Date.now();
    let announced = ANNOUNCE_AT_MS.filter((at) => deadlineMs - Date.parse(serverNow) <= at).length;
    const tick = () => {
      const left = deadlineMs - (Date.now() + offset);
      setRemaining(left);
      const due = ANNOUNCE_AT_MS.filter((at) => left <= at).length;
      if (due > announced && left > 0) {
        announced = due;
        setAnnouncement(`考试时间${describeRemaining(left)}，请及时交卷。`);
      }
      if (left <= 0 && Date.now() - lastExpiry.current >= RETRY_EXPIRY_MS) {
        lastExpiry.current = Date.now();
        setAnnouncement("考试时间已到，系统正在按已保存的答案自动交卷。");
        onExpireRef.current();
      }
    };
    tick();
    const interval = setInterval(tick, 250);
    return () => clearInterval(interval);
  }, [deadlineMs, serverNow]);

  const urgent = remaining <= 5 * 60_000;
  return (
    <div className="flex items-center gap-2">
      <span className="text-sm text-slate-600">剩余时间</span>
      <span
        role="timer"
        aria-label={`剩余时间 ${formatRemaining(remaining)}`}
        className={`font-mono text-xl font-semibold tabular-nums ${urgent ? "text-red-700" : "text-slate-900"}`}
      >
        {formatRemaining(remaining)}
      </span>
      <span className="sr-only" aria-live="assertive">
        {announcement}
      </span>
    </div>
  );
}
