"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { coursePercent, lessonPercent } from "@/domain/playback";
import type { LearningView } from "@/server/playback/find-learning-view";
import { formatPosition } from "./format";
import { LessonPlayer, type LessonProgressUpdate } from "./lesson-player";
import { ProblemReport } from "./problem-report";
import { ProgressBar } from "./progress-bar";

/** The player page: the current lesson's player, the course's verified progress, the lesson list. */
export function LearnView({ view, initialLessonId }: { view: LearningView; initialLessonId: string }) {
  const [verified, setVerified] = useState(() => new Map(view.lessons.map((l) => [l.id, l.verifiedMs])));
  const [lessonId, setLessonId] = useState(initialLessonId);
  const [courseComplete, setCourseComplete] = useState(view.status !== "STUDYING");
  const lesson = view.lessons.find((l) => l.id === lessonId) ?? view.lessons[0];

  const onProgress = useCallback((update: LessonProgressUpdate) => {
    setVerified((current) => {
      if (current.get(update.lessonId) === update.verifiedMs) return current;
      return new Map(current).set(update.lessonId, update.verifiedMs);
    });
    if (update.courseComplete) setCourseComplete(true);
  }, []);

  if (!lesson) return null;
  const progress = view.lessons.map((l) => ({ verifiedMs: verified.get(l.id) ?? 0, durationMs: l.durationMs }));
  const overall = coursePercent(progress);

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <section aria-labelledby="lesson-title" className="min-w-0 space-y-3">
        <h1 id="lesson-title" className="text-xl font-semibold text-brand-900">
          {view.course.title}
          <span className="mt-1 block text-base font-normal text-slate-700">{lesson.title}</span>
        </h1>
        <LessonPlayer
          key={lesson.id}
          enrollmentId={view.enrollmentId}
          courseId={view.course.id}
          lesson={lesson}
          initialVerifiedMs={verified.get(lesson.id) ?? 0}
          onProgress={onProgress}
        />
        <ProblemReport
          enrollmentId={view.enrollmentId}
          lessonId={lesson.id}
          videoUrl={lesson.videoUrl}
          positionMs={() => {
            const video = document.querySelector<HTMLVideoElement>("video[data-lesson-video]");
            return video ? video.currentTime * 1000 : undefined;
          }}
        />
      </section>

      <aside aria-label="学习进度" className="space-y-4">
        <div className="space-y-2 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <p className="flex items-center justify-between text-sm font-medium text-slate-800">
            <span>课程进度（已计入）</span>
            <span className="tabular-nums">{overall}%</span>
          </p>
          <ProgressBar label="课程学习进度" percent={overall} />
          <div aria-live="polite">
            {courseComplete ? (
              <div className="mt-3 space-y-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
                <p>
                  <span className="font-semibold">待考试</span>：全部章节已学完，可以参加考试。
                </p>
                <Link
                  href={`/exams/${view.enrollmentId}`}
                  className="inline-block rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
                >
                  参加考试
                </Link>
              </div>
            ) : null}
          </div>
        </div>

        <nav aria-label="课程章节" className="rounded-xl bg-white p-2 shadow-sm ring-1 ring-slate-200">
          <ol className="divide-y divide-slate-100">
            {view.lessons.map((l, index) => {
              const percent = lessonPercent(verified.get(l.id) ?? 0, l.durationMs);
              const current = l.id === lesson.id;
              return (
                <li key={l.id}>
                  <button
                    type="button"
                    onClick={() => setLessonId(l.id)}
                    aria-current={current ? "true" : undefined}
                    className={`w-full space-y-1.5 rounded-lg px-3 py-2.5 text-left text-sm ${current ? "bg-brand-50" : "hover:bg-slate-50"}`}
                  >
                    <span className="flex items-start justify-between gap-2">
                      <span>
                        <span className="mr-1 text-slate-500">第{index + 1}讲</span>
                        <span className={current ? "font-medium text-brand-900" : "text-slate-800"}>{l.title}</span>
                      </span>
                      <span
                        className={`shrink-0 tabular-nums ${percent >= 100 ? "text-emerald-700" : "text-slate-500"}`}
                      >
                        {percent >= 100 ? "已完成" : `${percent}%`}
                      </span>
                    </span>
                    <ProgressBar label={`第${index + 1}讲进度`} percent={percent} size="sm" />
                    <span className="block text-xs text-slate-500">时长 {formatPosition(l.durationMs)}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <p className="text-xs leading-relaxed text-slate-500">
          学习时间以服务器记录为准：不能跳过未学习的内容；倍速播放时按实际用时计入；页面切到后台时自动暂停。
        </p>
      </aside>
    </div>
  );
}
