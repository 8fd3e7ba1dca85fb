"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { SavedNotice } from "@/components/ui/saved-notice";
import { TextField } from "@/components/ui/text-field";
import { useKeptForm } from "@/components/ui/use-kept-form";
import { LESSON_LIMITS, MAX_UPLOAD_MEGABYTES, formatDurationText } from "@/domain/course-admin";
import type { ActionResult } from "@/lib/action-result";
import { uploadVideo } from "./upload-video";

export interface LessonFormValues {
  id: string;
  title: string;
  videoUrl: string;
  durationSeconds: number;
}

type Action = (previous: unknown, input: FormData) => Promise<ActionResult<unknown>>;
type Upload =
  | { state: "idle" }
  | { state: "sending"; percent: number }
  | { state: "done"; note: string }
  | { state: "failed"; message: string };

/**
 * 课时: title, and a video given by address or uploaded here (the upload's address and, when the
 * file says, its duration fill the fields). New lessons clear the form after saving.
 */
export function LessonForm({
  action,
  courseId,
  lesson,
}: {
  action: Action;
  courseId: string;
  lesson?: LessonFormValues;
}) {
  const { state, pending, errors, formAction, onSubmit } = useKeptForm(action);
  const [title, setTitle] = useState(lesson?.title ?? "");
  const [videoUrl, setVideoUrl] = useState(lesson?.videoUrl ?? "");
  const [duration, setDuration] = useState(lesson ? formatDurationText(lesson.durationSeconds) : "");
  const [upload, setUpload] = useState<Upload>({ state: "idle" });
  const [handled, setHandled] = useState(state);
  const [fileInputKey, setFileInputKey] = useState(0);

  // A new lesson was added: start the next one from an empty form (state adjusted while
  // rendering, as React recommends over an effect).
  if (state !== handled) {
    setHandled(state);
    if (state?.ok && !lesson) {
      setTitle("");
      setVideoUrl("");
      setDuration("");
      setUpload({ state: "idle" });
      setFileInputKey((key) => key + 1);
    }
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    setUpload({ state: "sending", percent: 0 });
    const outcome = await uploadVideo(file, (fraction) =>
      setUpload({ state: "sending", percent: Math.round(fraction * 100) }),
    );
    if (!outcome.ok) return setUpload({ state: "failed", message: outcome.message });
    setVideoUrl(outcome.url);
    if (outcome.durationSeconds !== null) setDuration(formatDurationText(outcome.durationSeconds));
    setUpload({
      state: "done",
      note:
        outcome.durationSeconds === null
          ? "上传完成。未能从文件读取时长，请手动填写。"
          : "上传完成，已从文件读取时长。",
    });
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-5" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="courseId" value={courseId} />
      {lesson ? <input type="hidden" name="lessonId" value={lesson.id} /> : null}
      <TextField
        name="title"
        label="课时名称"
        required
        maxLength={LESSON_LIMITS.titleMax}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        errors={errors?.title}
      />
      <TextField
        name="videoUrl"
        label="视频地址"
        required
        hint="MP4、WebM 文件或 HLS 播放列表（.m3u8）：http(s) 地址或站内地址，如 /media/lesson.mp4；也可以在下方上传视频文件"
        value={videoUrl}
        onChange={(event) => setVideoUrl(event.target.value)}
        errors={errors?.videoUrl}
      />
      <div>
        <label htmlFor="lesson-video-file" className="block text-sm font-medium text-slate-800">
          上传视频文件（选填）
        </label>
        <input
          key={fileInputKey}
          id="lesson-video-file"
          type="file"
          accept="video/mp4,video/webm,.mp4,.webm"
          aria-describedby="lesson-video-file-status"
          disabled={upload.state === "sending"}
          onChange={(event) => void onFile(event.target.files?.[0])}
          className="mt-1 block text-sm"
        />
        <p id="lesson-video-file-status" role="status" className="mt-1 text-xs text-slate-600">
          {upload.state === "idle" ? `MP4 或 WebM，不超过 ${MAX_UPLOAD_MEGABYTES} MB` : null}
          {upload.state === "sending" ? `正在上传… ${upload.percent}%` : null}
          {upload.state === "done" ? upload.note : null}
        </p>
        {upload.state === "failed" ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {upload.message}
          </p>
        ) : null}
      </div>
      <TextField
        name="duration"
        label="时长（分:秒）"
        required
        inputMode="numeric"
        placeholder="45:30"
        hint="如 45:30；上传的文件能读出时长时自动填写。时长决定学员须观看多久才算学完"
        value={duration}
        onChange={(event) => setDuration(event.target.value)}
        errors={errors?.duration}
        className="max-w-xs"
      />
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={pending || upload.state === "sending"}>
          {pending ? "正在保存…" : lesson ? "保存课时" : "添加课时"}
        </Button>
        <SavedNotice show={Boolean(state?.ok)}>{lesson ? "已保存" : "已添加课时"}</SavedNotice>
      </div>
    </form>
  );
}
