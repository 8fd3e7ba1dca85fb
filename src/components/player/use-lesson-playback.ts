"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { POSITION_TOLERANCE_MS } from "@/domain/playback";
import { startLessonPlayback } from "@/server/actions/playback";
import { formatPosition } from "./format";
import { HeartbeatClient, type BeatResult } from "./heartbeat-client";
import { reportPlayerError } from "./player-errors";
import { attachVideoSource } from "./video-source";
import { SEEK_SLACK_MS, wireVideo } from "./wire-video";

export type PlaybackPhase = "starting" | "ready" | "taken-over" | "ended" | "unauthenticated" | "failed";

export interface LessonRef {
  id: string;
  videoUrl: string;
  durationMs: number;
}

export interface PlaybackUpdate {
  verifiedMs: number;
  lessonComplete: boolean;
  courseComplete: boolean;
}

/**
 * The player's behaviour around a <video>: starts a server session, resumes at the verified
 * position, beats every 15 s and on pause/seek/end/hide, keeps seeks within verified time,
 * caps the speed, pauses when the page is hidden or the server says a presence check is due, and
 * reports errors.
 */
export function useLessonPlayback(args: {
  videoRef: RefObject<HTMLVideoElement | null>;
  enrollmentId: string;
  courseId: string;
  lesson: LessonRef;
  initialVerifiedMs: number;
  onUpdate: (update: PlaybackUpdate) => void;
}) {
  const { videoRef, enrollmentId, courseId, lesson, onUpdate } = args;
  const [phase, setPhase] = useState<PlaybackPhase>("starting");
  const [notice, setNotice] = useState("");
  const [verifiedMs, setVerifiedMs] = useState(args.initialVerifiedMs);
  const [presenceDue, setPresenceDue] = useState(false);
  const client = useRef<HeartbeatClient | null>(null);
  const verified = useRef(args.initialVerifiedMs);
  const furthest = useRef(args.initialVerifiedMs);
  const crediting = useRef(true);
  const lastNatural = useRef<{ pos: number; at: number } | null>(null);
  const hiding = useRef(false);
  const onUpdateRef = useRef(onUpdate);
  useEffect(() => {
    onUpdateRef.current = onUpdate;
  });

  const positionMs = useCallback(() => Math.floor((videoRef.current?.currentTime ?? 0) * 1000), [videoRef]);
  const seekTo = useCallback(
    (ms: number) => {
      const video = videoRef.current;
      if (video) video.currentTime = ms / 1000;
    },
    [videoRef],
  );
  const reportError = useCallback(
    (error: Parameters<typeof reportPlayerError>[0]) =>
      reportPlayerError(error, {
        sessionId: client.current?.sessionId,
        courseId,
        lessonId: lesson.id,
        videoUrl: lesson.videoUrl,
      }),
    [courseId, lesson.id, lesson.videoUrl],
  );

  const onResult = useCallback(
    (result: BeatResult) => {
      const video = videoRef.current;
      if (result.kind === "unauthenticated") {
        video?.pause();
        return setPhase("unauthenticated");
      }
      const { answer, event } = result;
      if (answer.session !== "active") {
        if (event === "close") return;
        client.current?.stop();
        video?.pause();
        return setPhase(answer.session === "taken-over" ? "taken-over" : "ended");
      }
      verified.current = answer.verifiedMs;
      furthest.current = Math.max(furthest.current, answer.verifiedMs);
      crediting.current = answer.crediting;
      setVerifiedMs(answer.verifiedMs);
      onUpdateRef.current(answer);
      const behind = positionMs() > answer.verifiedMs + POSITION_TOLERANCE_MS;
      if (answer.presenceDue) {
        // Nothing counts until the learner answers; playing resumes from verified time.
        video?.pause();
        if (behind) seekTo(answer.verifiedMs);
        setPresenceDue(true);
      } else if (event === "ended" && answer.lessonComplete) {
        setNotice("本讲已学完。");
      } else if (event === "ended" && video) {
        video.playbackRate = 1;
        seekTo(answer.verifiedMs);
        setNotice(
          `倍速播放时学习时间按实际用时计算，本讲还有部分时间未计入。已回到 ${formatPosition(answer.verifiedMs)} 以1倍速继续播放。`,
        );
        void video.play().catch(() => undefined);
      } else if (!answer.crediting && behind) {
        furthest.current = answer.verifiedMs;
        seekTo(answer.verifiedMs);
        setNotice(`这段内容的学习时间未被计入，已回到 ${formatPosition(answer.verifiedMs)} 继续学习。`);
      }
    },
    [videoRef, seekTo, positionMs],
  );

  const begin = useCallback(
    async (resumeAtCurrent: boolean) => {
      setPhase("starting");
      const result = await startLessonPlayback(null, { enrollmentId, lessonId: lesson.id });
      if (!result.ok) {
        setNotice(result.message);
        return setPhase(result.code === "UNAUTHENTICATED" ? "unauthenticated" : "failed");
      }
      const { sessionId, resumeMs, verifiedMs: serverVerified } = result.data;
      client.current?.stop();
      client.current = new HeartbeatClient(sessionId, onResult);
      verified.current = serverVerified;
      furthest.current = Math.max(furthest.current, serverVerified);
      crediting.current = true;
      setVerifiedMs(serverVerified);
      const video = videoRef.current;
      const here = positionMs();
      if (resumeAtCurrent && here <= Math.max(serverVerified, furthest.current) + SEEK_SLACK_MS) {
        client.current.send("seek", here); // the run restarts where the player is
      } else if (video && video.readyState >= HTMLMediaElement.HAVE_METADATA) {
        seekTo(resumeMs);
      } else {
        video?.addEventListener("loadedmetadata", () => seekTo(resumeMs), { once: true });
      }
      setPresenceDue(result.data.presenceDue);
      setPhase("ready");
    },
    [enrollmentId, lesson.id, onResult, seekTo, videoRef, positionMs],
  );

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const detach = attachVideoSource(video, lesson.videoUrl, reportError);
    void begin(false);
    const unwire = wireVideo(
      video,
      { client, verified, furthest, crediting, lastNatural, hiding },
      {
        setNotice,
        reportError,
        seekTo,
      },
    );
    return () => {
      unwire();
      detach();
    };
    // The lesson is fixed for this player's life (the parent keys it by lesson).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const answerPresence = useCallback(() => {
    client.current?.send("presence", positionMs());
    setPresenceDue(false);
    void videoRef.current?.play().catch(() => undefined);
  }, [videoRef, positionMs]);

  return {
    phase,
    notice,
    setNotice,
    verifiedMs,
    presenceDue,
    answerPresence,
    resumeHere: () => void begin(true),
    sessionId: () => client.current?.sessionId,
  };
}
