// Verified study time on real PostgreSQL: sessions, heartbeats against the database clock,
// takeover, ownership, completion, problem reports, player error limits and the raw beat log.
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { getDb } from "../../src/server/db";
import { encode } from "next-auth/jwt";
import { beatLog } from "../../src/server/playback/beat-log";
import { readBeatLearner } from "../../src/server/playback/read-beat-learner";
import { deleteOldBeats } from "../../src/server/playback/delete-old-beats";
import { fileProblemReport, ZProblemReportInput } from "../../src/server/playback/file-problem-report";
import { recordHeartbeat, recordHeartbeats, type THeartbeatInput } from "../../src/server/playback/record-heartbeat";
import { reportPlayerError } from "../../src/server/playback/report-player-error";
import { startPlayback } from "../../src/server/playback/start-playback";
import { createCourse, createEnrollment, createLearner, createLessons } from "../support/factories";
import { truncateData } from "../support/reset-database";
import { sessionCookie } from "../support/session-cookie";
import { sql } from "../support/sql";

/**
 * Pretends `ms` of real time passed since the session's last accepted beat: its timestamps move
 * back on the database clock, rather than the test sleeping.
 */
const elapse = (sessionId: string, ms: number) =>
  sql(
    `UPDATE "PlaybackSession" SET "lastBeatAt" = "lastBeatAt" - make_interval(secs => $2::float8 / 1000),
       "startedAt" = "startedAt" - make_interval(secs => $2::float8 / 1000) WHERE id = $1`,
    [sessionId, ms],
  );

async function studying(durations: number[] = [60]) {
  const learner = await createLearner();
  const course = await createCourse();
  const lessons = await createLessons(course.id, durations);
  const enrollment = await createEnrollment(learner.id, course.id);
  return { learner, course, lessons, enrollment };
}

const progressOf = (enrollmentId: string, lessonId: string) =>
  getDb().lessonProgress.findUniqueOrThrow({ where: { enrollmentId_lessonId: { enrollmentId, lessonId } } });

function beat(
  sessionId: string,
  seq: number,
  positionMs: number,
  event: THeartbeatInput["event"] = "tick",
): THeartbeatInput {
  return { sessionId, seq, positionMs, event };
}

beforeAll(async () => {
  await seedReferenceData(getDb());
});

beforeEach(async () => {
  await beatLog.flush();
  await truncateData(inject("databaseUrl"));
});

describe("starting playback", () => {
  it("creates a session at the verified position, and refuses what is not the learner's own", async () => {
    const { learner, lessons, enrollment } = await studying([60, 30]);
    const lesson = lessons[0]!;
    const started = await startPlayback({
      learnerId: learner.id,
      enrollmentId: enrollment.id,
      lessonId: lesson.id,
      userAgent:
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
    });
    expect(started).toMatchObject({ resumeMs: 0, verifiedMs: 0, durationMs: 60_000, lessonComplete: false });
    const session = await getDb().playbackSession.findUniqueOrThrow({ where: { id: started.sessionId } });
    expect(session).toMatchObject({
      learnerId: learner.id,
      lastSeq: 0,
      lastPositionMs: 0,
      browser: "Chrome 140",
      os: "Windows 10",
    });

    await sql(`UPDATE "LessonProgress" SET "verifiedMs" = 42000 WHERE "lessonId" = $1`, [lesson.id]);
    const resumed = await startPlayback({ learnerId: learner.id, enrollmentId: enrollment.id, lessonId: lesson.id });
    expect(resumed).toMatchObject({ resumeMs: 42_000, verifiedMs: 42_000 });

    const other = await studying();
    const refusals = [
      { learnerId: other.learner.id, enrollmentId: enrollment.id, lessonId: lesson.id }, // another learner's enrollment
      { learnerId: learner.id, enrollmentId: enrollment.id, lessonId: other.lessons[0]!.id }, // a lesson of another course
      { learnerId: learner.id, enrollmentId: "missing", lessonId: lesson.id },
    ];
    for (const input of refusals) await expect(startPlayback(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const disabled = await createLearner({ status: "DISABLED" });
    const disabledEnrollment = await createEnrollment(disabled.id, other.course.id);
    await expect(
      startPlayback({ learnerId: disabled.id, enrollmentId: disabledEnrollment.id, lessonId: other.lessons[0]!.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("heartbeats", () => {
  it("credit real time only, measured on the database clock", async () => {
    const { learner, lessons, enrollment } = await studying([600]);
    const lesson = lessons[0]!;
    const { sessionId } = await startPlayback({
      learnerId: learner.id,
      enrollmentId: enrollment.id,
      lessonId: lesson.id,
    });

    await elapse(sessionId, 15_000);
    const first = await recordHeartbeat(learner.id, beat(sessionId, 1, 15_000));
    expect(first).toEqual({
      session: "active",
      verifiedMs: 15_000,
      crediting: true,
      presenceDue: false,
      lessonComplete: false,
      courseComplete: false,
    });

    // Playing at 1.5× for 10 s of real time: 15 s of video, 10 s credited (plus the few ms the test takes).
    await elapse(sessionId, 10_000);
    const fast = await recordHeartbeat(learner.id, beat(sessionId, 2, 30_000));
    expect(fast.verifiedMs).toBeGreaterThanOrEqual(25_000);
    expect(fast.verifiedMs).toBeLessThan(25_500);

    // A beat sent at once claims 15 s more: credited is what really elapsed (milliseconds).
    const hurried = await recordHeartbeat(learner.id, beat(sessionId, 3, 32_000));
    expect(hurried.verifiedMs - fast.verifiedMs).toBeLessThan(500);

    const session = await getDb().playbackSession.findUniqueOrThrow({ where: { id: sessionId } });
    const progress = await progressOf(enrollment.id, lesson.id);
    expect(session.creditedMs).toBe(progress.verifiedMs);
    expect(session).toMatchObject({ lastSeq: 3, lastPositionMs: 32_000, acceptedBeats: 3, contiguous: true });
    const realMs = session.lastBeatAt.getTime() - session.startedAt.getTime();
    expect(session.creditedMs).toBeLessThanOrEqual(realMs);
  });

  it("credit nothing for a replayed sequence number, a jump, or an unknown session", async () => {
    const { learner, lessons, enrollment } = await studying([600]);
    const lesson = lessons[0]!;
    const { sessionId } = await startPlayback({
      learnerId: learner.id,
      enrollmentId: enrollment.id,
      lessonId: lesson.id,
    });
    await elapse(sessionId, 15_000);
    await recordHeartbeat(learner.id, beat(sessionId, 1, 15_000));

    await elapse(sessionId, 15_000);
    const replayed = await recordHeartbeat(learner.id, beat(sessionId, 1, 30_000));
    expect(replayed).toMatchObject({ session: "active", verifiedMs: 15_000 });

    const jumped = await recordHeartbeat(learner.id, beat(sessionId, 2, 400_000));
    expect(jumped).toMatchObject({ session: "active", verifiedMs: 15_000, crediting: false });
    await elapse(sessionId, 15_000);
    expect(await recordHeartbeat(learner.id, beat(sessionId, 3, 415_000))).toMatchObject({
      verifiedMs: 15_000,
      crediting: false,
    });
    // Back to verified time, playing counts again.
    await recordHeartbeat(learner.id, beat(sessionId, 4, 15_000, "seek"));
    await elapse(sessionId, 10_000);
    expect(await recordHeartbeat(learner.id, beat(sessionId, 5, 25_000))).toMatchObject({
      verifiedMs: 25_000,
      crediting: true,
    });

    const unknown = await recordHeartbeat(learner.id, beat("00000000-0000-4000-8000-000000000000", 9, 1_000));
    expect(unknown).toEqual({
      session: "ended",
      verifiedMs: 0,
      crediting: false,
      presenceDue: false,
      lessonComplete: false,
      courseComplete: false,
    });
    const session = await getDb().playbackSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session).toMatchObject({ jumpBeats: 1, lastSeq: 5, creditedMs: 25_000 });
  });

  it("stop crediting at a presence check the server set, until it is answered, across sessions", async () => {
    const { learner, lessons, enrollment } = await studying([3_600, 600]);
    const [lesson, second] = [lessons[0]!, lessons[1]!];
    const started = await startPlayback({ learnerId: learner.id, enrollmentId: enrollment.id, lessonId: lesson.id });
    expect(started.presenceDue).toBe(false);
    const { sessionId } = started;
    const fresh = await getDb().playbackSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(fresh.presenceLeftMs).toBeGreaterThanOrEqual(15 * 60_000);
    expect(fresh.presenceLeftMs).toBeLessThanOrEqual(25 * 60_000);

    // 20 s of credit left before the check: a script that only keeps sending beats gets 20 s.
    await sql(`UPDATE "PlaybackSession" SET "presenceLeftMs" = 20000 WHERE id = $1`, [sessionId]);
    await elapse(sessionId, 15_000);
    expect(await recordHeartbeat(learner.id, beat(sessionId, 1, 15_000))).toMatchObject({
      verifiedMs: 15_000,
      presenceDue: false,
    });
    await elapse(sessionId, 15_000);
    expect(await recordHeartbeat(learner.id, beat(sessionId, 2, 30_000))).toMatchObject({
      session: "active",
      verifiedMs: 20_000,
      crediting: false,
      presenceDue: true,
    });
    for (let seq = 3; seq <= 6; seq++) {
      await elapse(sessionId, 15_000);
      expect(await recordHeartbeat(learner.id, beat(sessionId, seq, 15_000 * seq))).toMatchObject({
        verifiedMs: 20_000,
        presenceDue: true,
      });
    }

    // Starting again does not put the check off: the next session begins with it due.
    const again = await startPlayback({ learnerId: learner.id, enrollmentId: enrollment.id, lessonId: second.id });
    expect(again.presenceDue).toBe(true);
    await elapse(again.sessionId, 15_000);
    expect(await recordHeartbeat(learner.id, beat(again.sessionId, 1, 15_000))).toMatchObject({
      verifiedMs: 0,
      presenceDue: true,
    });

    // The answer (at verified time) restarts counting, with a new check 15–25 minutes on.
    expect(await recordHeartbeat(learner.id, beat(again.sessionId, 2, 0, "presence"))).toMatchObject({
      presenceDue: false,
      crediting: true,
    });
    await elapse(again.sessionId, 15_000);
    expect(await recordHeartbeat(learner.id, beat(again.sessionId, 3, 15_000))).toMatchObject({
      verifiedMs: 15_000,
      crediting: true,
      presenceDue: false,
    });
    const answered = await getDb().playbackSession.findUniqueOrThrow({ where: { id: again.sessionId } });
    expect(answered.presenceLeftMs).toBeGreaterThanOrEqual(15 * 60_000 - 15_000);
    expect(answered.presenceLeftMs).toBeLessThanOrEqual(25 * 60_000 - 15_000);
    await beatLog.flush();
    const verdicts = await getDb().playbackBeat.findMany({
      where: { sessionId: { in: [sessionId, again.sessionId] } },
      orderBy: { id: "asc" },
      select: { verdict: true },
    });
    expect(verdicts.map((v) => v.verdict)).toEqual([
      "play",
      "play",
      "unchecked",
      "unchecked",
      "unchecked",
      "unchecked",
      "unchecked",
      "presence",
      "play",
    ]);
  });

  it("are refused for another learner's session and for a disabled learner, like an unknown session", async () => {
    const { learner, lessons, enrollment } = await studying([600]);
    const { sessionId } = await startPlayback({
      learnerId: learner.id,
      enrollmentId: enrollment.id,
      lessonId: lessons[0]!.id,
    });
    const intruder = await createLearner();
    await elapse(sessionId, 15_000);
    const foreign = await recordHeartbeat(intruder.id, beat(sessionId, 1, 15_000));
    expect(foreign).toEqual({
      session: "ended",
      verifiedMs: 0,
      crediting: false,
      presenceDue: false,
      lessonComplete: false,
      courseComplete: false,
    });

    await getDb().learner.update({ where: { id: learner.id }, data: { status: "DISABLED" } });
    const disabled = await recordHeartbeat(learner.id, beat(sessionId, 1, 15_000));
    expect(disabled).toEqual(foreign);
    expect((await progressOf(enrollment.id, lessons[0]!.id)).verifiedMs).toBe(0);
    expect(await getDb().playbackSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ lastSeq: 0 });
  });

  it("let two concurrent beats of one session credit once", async () => {
    const { learner, lessons, enrollment } = await studying([600]);
    const { sessionId } = await startPlayback({
      learnerId: learner.id,
      enrollmentId: enrollment.id,
      lessonId: lessons[0]!.id,
    });
    await elapse(sessionId, 15_000);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => recordHeartbeat(learner.id, beat(sessionId, i + 1, 15_000))),
    );
    expect(answers.some((a) => a.verifiedMs === 15_000)).toBe(true);
    const session = await getDb().playbackSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(session.creditedMs).toBe(15_000);
    expect((await progressOf(enrollment.id, lessons[0]!.id)).verifiedMs).toBe(15_000);
  });

  it("arriving together, are judged in one batch: each session on its own, one session's beats in order", async () => {
    const viewers = [];
    for (let i = 0; i < 6; i++) {
      const { learner, lessons, enrollment } = await studying([600]);
      const { sessionId } = await startPlayback({
        learnerId: learner.id,
        enrollmentId: enrollment.id,
        lessonId: lessons[0]!.id,
      });
      await elapse(sessionId, 15_000);
      viewers.push({ learner, lesson: lessons[0]!, enrollment, sessionId });
    }
    const [first, second] = viewers;
    const answers = await recordHeartbeats([
      ...viewers.map((v) => ({ learnerId: v.learner.id, beat: beat(v.sessionId, 1, 15_000) })),
      // The first viewer's next beats in the same batch: a replay, then a jump, judged after seq 1.
      { learnerId: first!.learner.id, beat: beat(first!.sessionId, 1, 15_000) },
      { learnerId: first!.learner.id, beat: beat(first!.sessionId, 2, 300_000) },
      // Someone else's session is unknown to this learner, even in a batch with the owner's beat.
      { learnerId: first!.learner.id, beat: beat(second!.sessionId, 2, 30_000) },
    ]);
    expect(answers.slice(0, 6).every((a) => a.session === "active" && a.verifiedMs === 15_000)).toBe(true);
    expect(answers[6]).toMatchObject({ session: "active", verifiedMs: 15_000, crediting: true });
    expect(answers[7]).toMatchObject({ session: "active", verifiedMs: 15_000, crediting: false });
    expect(answers[8]).toMatchObject({ session: "ended", verifiedMs: 0 });
    for (const v of viewers) expect((await progressOf(v.enrollment.id, v.lesson.id)).verifiedMs).toBe(15_000);
    expect(await getDb().playbackSession.findUniqueOrThrow({ where: { id: first!.sessionId } })).toMatchObject({
      lastSeq: 2,
      lastPositionMs: 300_000,
      creditedMs: 15_000,
      acceptedBeats: 1,
      jumpBeats: 1,
      contiguous: false,
    });
    expect(await getDb().playbackSession.findUniqueOrThrow({ where: { id: second!.sessionId } })).toMatchObject({
      lastSeq: 1,
      creditedMs: 15_000,
    });
  });

  it("stop counting for a session taken over by another tab, which is told so", async () => {
    const { learner, lessons, course } = await studying([600, 600]);
    const enrollment = await getDb().enrollment.findFirstOrThrow({
      where: { learnerId: learner.id, courseId: course.id },
    });
    const first = await startPlayback({ learnerId: learner.id, enrollmentId: enrollment.id, lessonId: lessons[0]!.id });
    await elapse(first.sessionId, 15_000);
    await recordHeartbeat(learner.id, beat(first.sessionId, 1, 15_000));

    const second = await startPlayback({
      learnerId: learner.id,
      enrollmentId: enrollment.id,
      lessonId: lessons[1]!.id,
    });
    await elapse(first.sessionId, 15_000);
    const late = await recordHeartbeat(learner.id, beat(first.sessionId, 2, 30_000));
    expect(late).toMatchObject({ session: "taken-over", verifiedMs: 15_000, crediting: false });
    expect((await progressOf(enrollment.id, lessons[0]!.id)).verifiedMs).toBe(15_000);
    const ended = await getDb().playbackSession.findUniqueOrThrow({ where: { id: first.sessionId } });
    expect(ended).toMatchObject({ endReason: "TAKEN_OVER", lastSeq: 1 });
    expect(await getDb().playbackSession.count({ where: { learnerId: learner.id, endedAt: null } })).toBe(1);

    await elapse(second.sessionId, 15_000);
    expect(await recordHeartbeat(learner.id, beat(second.sessionId, 1, 15_000))).toMatchObject({
      session: "active",
      verifiedMs: 15_000,
    });
    // Closing a session (lesson switched) ends it without a takeover.
    expect(await recordHeartbeat(learner.id, beat(second.sessionId, 2, 15_000, "close"))).toMatchObject({
      session: "ended",
    });
    expect(await getDb().playbackSession.findUniqueOrThrow({ where: { id: second.sessionId } })).toMatchObject({
      endReason: "CLOSED",
    });
  });

  it("complete a lesson at 95 % and move the enrollment to EXAM_PENDING after the last lesson", async () => {
    const { learner, lessons, enrollment } = await studying([100, 20]);
    const [long, short] = [lessons[0]!, lessons[1]!];
    const a = await startPlayback({ learnerId: learner.id, enrollmentId: enrollment.id, lessonId: long.id });
    await elapse(a.sessionId, 94_000);
    expect(await recordHeartbeat(learner.id, beat(a.sessionId, 1, 94_000))).toMatchObject({ lessonComplete: false });
    await elapse(a.sessionId, 1_500);
    expect(await recordHeartbeat(learner.id, beat(a.sessionId, 2, 95_500))).toMatchObject({
      lessonComplete: true,
      courseComplete: false,
    });
    expect((await progressOf(enrollment.id, long.id)).completedAt).not.toBeNull();
    expect((await getDb().enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).status).toBe("STUDYING");

    const b = await startPlayback({ learnerId: learner.id, enrollmentId: enrollment.id, lessonId: short.id });
    await elapse(b.sessionId, 20_000);
    const last = await recordHeartbeat(learner.id, beat(b.sessionId, 1, 20_000, "ended"));
    expect(last).toMatchObject({ lessonComplete: true, courseComplete: true, verifiedMs: 20_000 });
    const done = await getDb().enrollment.findUniqueOrThrow({ where: { id: enrollment.id } });
    expect(done.status).toBe("EXAM_PENDING");
    expect(done.studyCompletedAt).not.toBeNull();
  });
});

describe("the raw beat log", () => {
  it("writes buffered beats in one flush, with their verdicts, and deletes old ones", async () => {
    const { learner, lessons, enrollment } = await studying([600]);
    const { sessionId } = await startPlayback({
      learnerId: learner.id,
      enrollmentId: enrollment.id,
      lessonId: lessons[0]!.id,
    });
    await elapse(sessionId, 15_000);
    await recordHeartbeat(learner.id, beat(sessionId, 1, 15_000));
    await recordHeartbeat(learner.id, beat(sessionId, 1, 15_000));
    await recordHeartbeat(learner.id, beat(sessionId, 2, 500_000));
    expect(await getDb().playbackBeat.count()).toBe(0);
    expect(await beatLog.flush()).toBe(3);
    const rows = await getDb().playbackBeat.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.seq, r.verdict, r.creditedMs, r.positionMs])).toEqual([
      [1, "play", 15_000, 15_000],
      [1, "replay", 0, 15_000],
      [2, "jump", 0, 500_000],
    ]);
    const session = await getDb().playbackSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(Math.abs(rows[0]!.receivedAt.getTime() - session.lastBeatAt.getTime())).toBeLessThan(60_000);

    await sql(`UPDATE "PlaybackBeat" SET "receivedAt" = "receivedAt" - interval '31 days' WHERE seq = 1`);
    expect(await deleteOldBeats()).toBe(2);
    expect(await getDb().playbackBeat.count()).toBe(1);
  });
});

describe("problem reports", () => {
  const diagnostics = {
    canPlay: { mp4: "probably", webm: "probably", hls: "", hlsJs: true },
    reach: { ok: true, status: 206, ms: 35 },
    recentErrors: [{ kind: "media", code: 4, message: "MEDIA_ERR_SRC_NOT_SUPPORTED", at: "2026-11-27T10:00:00.000Z" }],
    videoUrl: "/media/test-1.mp4",
    networkType: "4g",
  };

  it("get a unique reference and keep the diagnostics, for the learner's own enrollment only", async () => {
    const { learner, lessons, enrollment, course } = await studying([60]);
    const input = ZProblemReportInput.parse({
      enrollmentId: enrollment.id,
      lessonId: lessons[0]!.id,
      description: " 视频一直在缓冲 ",
      phone: "13800000000",
      diagnostics: JSON.stringify(diagnostics),
    });
    const references = new Set<string>();
    for (let i = 0; i < 20; i++) references.add((await fileProblemReport(learner.id, input)).reference);
    expect(references.size).toBe(20);
    for (const reference of references) expect(reference).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    const stored = await getDb().problemReport.findFirstOrThrow({ where: { learnerId: learner.id } });
    expect(stored).toMatchObject({
      courseId: course.id,
      lessonId: lessons[0]!.id,
      description: "视频一直在缓冲",
      status: "OPEN",
      diagnostics,
    });

    const other = await createLearner();
    await expect(fileProblemReport(other.id, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const invalid = ZProblemReportInput.safeParse({ ...input, description: "x".repeat(501), diagnostics: "{}" });
    expect(invalid.success).toBe(false);
  });
});

describe("player errors", () => {
  it("are stored with browser and OS, at most 10 a minute per learner", async () => {
    const { learner } = await studying();
    const other = await createLearner();
    const ua =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    const t = 5_000_000_000_000;
    const sent = [];
    for (let i = 0; i < 15; i++) sent.push(await reportPlayerError(learner.id, { kind: "media", code: 2 }, ua, t + i));
    expect(sent.filter(Boolean)).toHaveLength(10);
    expect(await reportPlayerError(other.id, { kind: "stall", networkType: "3g" }, null, t + 20)).toBe(true);
    expect(await reportPlayerError(learner.id, { kind: "media" }, ua, t + 7_000)).toBe(true);
    const rows = await getDb().playerError.findMany({ where: { learnerId: learner.id } });
    expect(rows).toHaveLength(11);
    expect(rows[0]).toMatchObject({ browser: "Mobile Safari 17", os: "iOS 17", kind: "media", code: 2 });
  });

  it("keep the session, course and lesson they name only where these are the learner's own", async () => {
    const mine = await studying();
    const theirs = await studying();
    const lesson = mine.lessons[0]!.id;
    const { sessionId } = await startPlayback({
      learnerId: mine.learner.id,
      enrollmentId: mine.enrollment.id,
      lessonId: lesson,
      userAgent: null,
    });
    const { sessionId: theirSession } = await startPlayback({
      learnerId: theirs.learner.id,
      enrollmentId: theirs.enrollment.id,
      lessonId: theirs.lessons[0]!.id,
      userAgent: null,
    });
    const t = 6_000_000_000_000;
    const report = async (refs: { sessionId?: string; courseId?: string; lessonId?: string }, at: number) => {
      expect(await reportPlayerError(mine.learner.id, { kind: "load", ...refs }, null, t + at)).toBe(true);
      const row = await getDb().playerError.findFirstOrThrow({
        where: { learnerId: mine.learner.id },
        orderBy: { id: "desc" },
      });
      return { sessionId: row.sessionId, courseId: row.courseId, lessonId: row.lessonId };
    };
    expect(await report({ sessionId, courseId: mine.course.id, lessonId: lesson }, 0)).toEqual({
      sessionId,
      courseId: mine.course.id,
      lessonId: lesson,
    });
    // Another learner's session, course and lesson are not kept; the report is.
    expect(
      await report({ sessionId: theirSession, courseId: theirs.course.id, lessonId: theirs.lessons[0]!.id }, 1),
    ).toEqual({ sessionId: null, courseId: null, lessonId: null });
    // A lesson of their own course named with another course: the course is kept, not the lesson.
    expect(await report({ courseId: mine.course.id, lessonId: theirs.lessons[0]!.id }, 2)).toEqual({
      sessionId: null,
      courseId: mine.course.id,
      lessonId: null,
    });
    // A lesson alone names its course.
    expect(await report({ lessonId: lesson }, 3)).toEqual({
      sessionId: null,
      courseId: mine.course.id,
      lessonId: lesson,
    });
  });
});

describe("heartbeat authentication", () => {
  // A real session (its AuthSession row) for the claims' subject and kind.
  const cookie = async (
    claims: { sub: string; kind: string; loginAt: number },
    name = "authjs.session-token",
    maxAge = 1_800,
  ) =>
    `other=1; ${await sessionCookie(claims.kind === "staff" ? "staff" : "learner", claims.sub, { claims, name, maxAge })}`;
  const now = () => Math.floor(Date.now() / 1000);

  it("accepts a learner's session cookie only, within both time limits", async () => {
    expect(await readBeatLearner(await cookie({ sub: "learner-1", kind: "learner", loginAt: now() }))).toBe(
      "learner-1",
    );
    const secure = await cookie({ sub: "learner-2", kind: "learner", loginAt: now() }, "__Secure-authjs.session-token");
    expect(await readBeatLearner(secure)).toBe("learner-2");
    // Remembered tokens are answered the same.
    expect(await readBeatLearner(secure)).toBe("learner-2");

    expect(await readBeatLearner(await cookie({ sub: "staff-1", kind: "staff", loginAt: now() }))).toBeNull();
    expect(
      await readBeatLearner(await cookie({ sub: "learner-3", kind: "learner", loginAt: now() - 13 * 3600 })),
    ).toBeNull();
    expect(
      await readBeatLearner(await cookie({ sub: "learner-4", kind: "learner", loginAt: now() }, undefined, -60)),
    ).toBeNull();
    expect(await readBeatLearner("authjs.session-token=not-a-token")).toBeNull();
    expect(await readBeatLearner("authjs.session-token=%E0%A4%A")).toBeNull();
    expect(await readBeatLearner(null)).toBeNull();
    // A cookie made with another secret is nobody's.
    const forged = await encode({
      token: { sub: "learner-1", kind: "learner", loginAt: now() },
      secret: "another-secret-another-secret-0123456789",
      salt: "authjs.session-token",
    });
    expect(await readBeatLearner(`authjs.session-token=${forged}`)).toBeNull();
  });

  it("refuses an oversized body before reading it, signed in or not", async () => {
    const { POST } = await import("../../src/app/api/playback/heartbeat/route");
    const signedIn = await cookie({ sub: "learner-1", kind: "learner", loginAt: now() });
    const huge = (headers: Record<string, string>) =>
      new Request("http://localhost/api/playback/heartbeat", {
        method: "POST",
        headers,
        body: new ReadableStream({
          pull(controller) {
            controller.enqueue(new Uint8Array(64 * 1024)); // endless: only a capped reader returns
          },
        }),
        duplex: "half",
      } as RequestInit);
    expect((await POST(huge({}))).status).toBe(413);
    expect((await POST(huge({ cookie: signedIn }))).status).toBe(413);
    const declared = new Request("http://localhost/api/playback/heartbeat", {
      method: "POST",
      headers: { "content-length": "9999999" },
      body: "{}",
    });
    expect((await POST(declared)).status).toBe(413);
    const small = new Request("http://localhost/api/playback/heartbeat", { method: "POST", body: "{}" });
    expect((await POST(small)).status).toBe(401);
  });
});
