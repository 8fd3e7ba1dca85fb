"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { lessonPercent, MAX_PLAYBACK_RATE } from "@/domain/playback";
import { formatPosition } from "./format";
import { PresenceDialog } from "./presence-dialog";
import { ProgressBar } from "./progress-bar";
import { useLessonPlayback, type LessonRef } from "./use-lesson-playback";

export interface LessonProgressUpdate {
  lessonId: string;
  verifiedMs: number;
  courseComplete: boolean;
}

const RATES = [1, 1.25, MAX_PLAYBACK_RATE] as const;

/** One lesson's video with its controls, verified progress and the player's messages. */
export function LessonPlayer(props: {
  enrollmentId: string;
  courseId: string;
  lesson: LessonRef & { title: string };
  initialVerifiedMs: number;
  onProgress: (update: LessonProgressUpdate) => void;
}) {
  const { lesson } = props;
  const videoRef = useRef<HTMLVideoElement>(null);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState<number>(1);
  const playback = useLessonPlayback({
    videoRef,
    enrollmentId: props.enrollmentId,
    courseId: props.courseId,
    lesson,
    initialVerifiedMs: props.initialVerifiedMs,
    onUpdate: (u) =>
      props.onProgress({ lessonId: lesson.id, verifiedMs: u.verifiedMs, courseComplete: u.courseComplete }),
  });
  const percent = lessonPercent(playback.verifiedMs, lesson.durationMs);
  const ready = playback.phase === "ready";

  const togglePlay = () => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused)
      void video.play().catch(() => playback.setNotice("无法开始播放，请再点一次播放，或点击“播放遇到问题？”"));
    else video.pause();
  };

  return (
    <div className="space-y-3">
      <div className="relative overflow-hidden rounded-xl bg-black">
        <video
          ref={videoRef}
          data-lesson-video
          controls
          playsInline
          preload="metadata"
          disablePictureInPicture
          controlsList="nodownload noplaybackrate"
          aria-label={`课程视频：${lesson.title}`}
          className="aspect-video w-full"
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onRateChange={(e) => setRate(e.currentTarget.playbackRate)}
        />
        {!ready && playback.phase !== "starting" ? (
          <div
            role="alert"
            className="absolute inset-0 grid place-items-center bg-slate-900/85 p-4 text-center text-white"
          >
            <div className="max-w-sm space-y-3">
              <PhaseMessage phase={playback.phase} notice={playback.notice} />
              {playback.phase === "taken-over" || playback.phase === "ended" ? (
                <button
                  type="button"
                  onClick={playback.resumeHere}
                  className="rounded-lg bg-white px-5 py-2.5 font-medium text-brand-800 hover:bg-brand-50"
                >
                  在此继续学习
                </button>
              ) : null}
              {playback.phase === "unauthenticated" ? (
                <Link href="/login" className="inline-block rounded-lg bg-white px-5 py-2.5 font-medium text-brand-800">
                  重新登录
                </Link>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={togglePlay}
          disabled={!ready}
          className="rounded-lg bg-brand-700 px-5 py-2.5 font-medium text-white hover:bg-brand-800 disabled:bg-slate-400"
        >
          {playing ? "暂停" : "播放"}
        </button>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          播放速度
          <select
            value={rate}
            onChange={(e) => {
              if (videoRef.current) videoRef.current.playbackRate = Number(e.target.value);
            }}
            className="rounded-lg border border-slate-300 bg-white px-2 py-2"
          >
            {RATES.map((r) => (
              <option key={r} value={r}>
                {r}×
              </option>
            ))}
          </select>
        </label>
        <span className="text-sm text-slate-600">{playback.phase === "starting" ? "正在准备播放…" : null}</span>
      </div>

      <div className="space-y-1.5 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <p className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-800">
          <span>本讲已计入学习时间</span>
          <span className="tabular-nums" data-testid="lesson-verified">
            {percent >= 100
              ? "已完成"
              : `${formatPosition(playback.verifiedMs)} / ${formatPosition(lesson.durationMs)}（${percent}%）`}
          </span>
        </p>
        <ProgressBar label="本讲学习进度" percent={percent} />
        <p role="status" aria-live="polite" className="min-h-5 text-sm text-amber-800">
          {ready ? playback.notice : ""}
        </p>
      </div>
      <PresenceDialog open={playback.presenceDue} onContinue={playback.answerPresence} />
    </div>
  );
}

function PhaseMessage({ phase, notice }: { phase: string; notice: string }) {
  if (phase === "taken-over") return <p>您已在其他窗口或设备上开始学习，本页已暂停计时。同一时间只能在一处学习。</p>;
  if (phase === "ended") return <p>本次学习已中断，学习进度已保存。</p>;
  if (phase === "unauthenticated") return <p>登录已失效，请重新登录后继续学习。</p>;
  return <p>{notice || "无法开始学习，请稍后再试。"}</p>;
}
