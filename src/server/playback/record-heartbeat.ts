import "server-only";
import { z } from "zod";
import { applyHeartbeat, isPresenceDue, MAX_INT4, nextPresenceCheckMs, type PlaybackState } from "@/domain/playback";
import { logger } from "@/lib/logger";
import { beatLog } from "./beat-log";
import { completeEnrollmentStudy } from "./complete-enrollment-study";
import { readBeatStates, type BeatStateRow } from "./read-beat-states";
import { writeBeats, type SessionWrite } from "./write-beats";

/** presence: the learner answered the presence check (继续学习). */
export const BEAT_EVENTS = ["play", "tick", "pause", "seek", "ended", "hide", "close", "presence"] as const;

export const ZHeartbeatInput = z.object({
  sessionId: z.uuid(),
  seq: z.number().int().min(1).max(MAX_INT4),
  positionMs: z.number().finite().min(0).max(MAX_INT4).transform(Math.trunc),
  event: z.enum(BEAT_EVENTS).default("tick"),
});
export type THeartbeatInput = z.output<typeof ZHeartbeatInput>;

/** What the player is told: the same shape for every beat, accepted or not. */
export interface HeartbeatAnswer {
  /** ended: unknown, closed or not this learner's; the player must start again to count. */
  session: "active" | "taken-over" | "ended";
  verifiedMs: number;
  /** Playing on from here extends verified time. */
  crediting: boolean;
  /** A presence check is due: nothing is credited until a "presence" beat answers it. */
  presenceDue: boolean;
  lessonComplete: boolean;
  courseComplete: boolean;
}

const ENDED: HeartbeatAnswer = {
  session: "ended",
  verifiedMs: 0,
  crediting: false,
  presenceDue: false,
  lessonComplete: false,
  courseComplete: false,
};

interface BeatRequest {
  learnerId: string;
  beat: THeartbeatInput;
}

/** One beat of a batch, judged: its answer, and what the raw log keeps of it. */
interface Judged {
  answer: HeartbeatAnswer;
  verdict: string;
  creditedMs: number;
  positionMs: number;
}

/**
 * The beats of one session in a batch, applied in the order they arrived to the state read:
 * their answers and the one write they add up to (none when nothing changed).
 */
function judgeSession(row: BeatStateRow, beats: THeartbeatInput[], nowMs: number) {
  const durationMs = row.durationSeconds * 1000;
  const courseDone = row.enrollmentStatus !== "STUDYING";
  const judged: Judged[] = [];
  if (!row.learnerActive || row.ended) {
    const answer: HeartbeatAnswer = row.learnerActive
      ? {
          ...ENDED,
          session: row.endReason === "TAKEN_OVER" ? "taken-over" : "ended",
          verifiedMs: Math.min(row.verifiedMs, durationMs),
          lessonComplete: row.completed,
          courseComplete: courseDone,
        }
      : ENDED;
    const verdict = row.learnerActive ? "ended" : "learner-inactive";
    for (const beat of beats) judged.push({ answer, verdict, creditedMs: 0, positionMs: beat.positionMs });
    return { judged, write: null };
  }

  let state: PlaybackState = {
    lastSeq: row.lastSeq,
    lastBeatAtMs: row.lastBeatAt.getTime(),
    lastPositionMs: row.lastPositionMs,
    contiguous: row.contiguous,
    verifiedMs: Math.min(row.verifiedMs, durationMs),
    durationMs,
    presenceLeftMs: row.presenceLeftMs,
  };
  let completed = row.completed;
  let closed = false;
  let changed = false;
  const totals = { creditedMs: 0, acceptedBeats: 0, jumpBeats: 0, ignoredBeats: 0, completedNow: false };
  for (const beat of beats) {
    if (closed) {
      judged.push({
        answer: { ...ENDED, verifiedMs: state.verifiedMs, lessonComplete: completed, courseComplete: courseDone },
        verdict: "ended",
        creditedMs: 0,
        positionMs: beat.positionMs,
      });
      continue;
    }
    const answersPresence = beat.event === "presence";
    const outcome = applyHeartbeat(
      state,
      answersPresence ? { ...beat, presence: { nextCheckMs: nextPresenceCheckMs(Math.random()) } } : beat,
      nowMs,
    );
    if (outcome.verdict !== "replay") {
      changed = true;
      state = outcome.next;
      completed ||= outcome.completedNow;
      totals.creditedMs += outcome.creditedMs;
      totals.completedNow ||= outcome.completedNow;
      if (["play", "seek-back", "presence"].includes(outcome.verdict)) totals.acceptedBeats += 1;
      if (outcome.verdict === "jump") totals.jumpBeats += 1;
      if (outcome.verdict === "clock") totals.ignoredBeats += 1;
      closed = beat.event === "close";
    }
    judged.push({
      answer: {
        session: closed ? "ended" : "active",
        verifiedMs: state.verifiedMs,
        crediting: state.contiguous && !isPresenceDue(state),
        presenceDue: !closed && isPresenceDue(state),
        lessonComplete: completed,
        courseComplete: courseDone,
      },
      verdict: outcome.verdict,
      creditedMs: outcome.creditedMs,
      positionMs: outcome.verdict === "replay" ? beat.positionMs : outcome.next.lastPositionMs,
    });
  }
  const write: SessionWrite | null = changed
    ? {
        sessionId: row.sessionId,
        previousSeq: row.lastSeq,
        lastSeq: state.lastSeq,
        lastBeatAt: new Date(state.lastBeatAtMs),
        lastPositionMs: state.lastPositionMs,
        contiguous: state.contiguous,
        presenceLeftMs: state.presenceLeftMs,
        verifiedMs: state.verifiedMs,
        close: closed,
        ...totals,
      }
    : null;
  return { judged, write };
}

/**
 * A batch of heartbeats, of any sessions: one read, the pure rules per beat, one write (a
 * compare-and-set per session), and buffered raw log rows. Finishing a course's last lesson
 * takes a few more queries, once. Exported for tests; the hot path goes through
 * `recordHeartbeat`, which gathers the beats that arrive while a batch is at the database.
 */
export async function recordHeartbeats(requests: BeatRequest[]): Promise<HeartbeatAnswer[]> {
  const { rows, dbNow } = await readBeatStates([...new Set(requests.map((r) => r.beat.sessionId))]);
  // Beats grouped by session, in the order they arrived; another learner's session is unknown.
  const bySession = new Map<string, number[]>();
  requests.forEach((request, index) => {
    const row = rows.get(request.beat.sessionId);
    if (!row || row.learnerId !== request.learnerId) return;
    const list = bySession.get(row.sessionId) ?? [];
    list.push(index);
    bySession.set(row.sessionId, list);
  });

  const judged = new Array<Judged | undefined>(requests.length);
  const writes: SessionWrite[] = [];
  for (const [sessionId, indexes] of bySession) {
    const row = rows.get(sessionId)!;
    const result = judgeSession(
      row,
      indexes.map((i) => requests[i]!.beat),
      dbNow.getTime(),
    );
    indexes.forEach((requestIndex, k) => (judged[requestIndex] = result.judged[k]));
    if (result.write) writes.push(result.write);
  }
  const updated = await writeBeats(writes, dbNow);

  // A write that lost its compare-and-set (a concurrent batch, a takeover) credits nothing.
  const lost = new Set(writes.filter((w) => !updated.has(w.sessionId)).map((w) => w.sessionId));
  // The course's study is complete after its last lesson: checked once per session that
  // completed a lesson. A failure here leaves the enrollment for the next beat to move.
  const completing = writes.filter(
    (w) => w.completedNow && !lost.has(w.sessionId) && rows.get(w.sessionId)!.enrollmentStatus === "STUDYING",
  );
  const settled = await Promise.allSettled(
    completing.map((w) => completeEnrollmentStudy(rows.get(w.sessionId)!.enrollmentId)),
  );
  const courseComplete = new Set<string>();
  settled.forEach((result, i) => {
    if (result.status === "fulfilled" && result.value) courseComplete.add(completing[i]!.sessionId);
    if (result.status === "rejected") logger.error({ err: result.reason }, "completing a course's study failed");
  });

  return requests.map((request, index) => {
    const { beat } = request;
    const one = judged[index];
    const log = (verdict: string, creditedMs = 0, positionMs = beat.positionMs) =>
      beatLog.add({
        sessionId: beat.sessionId,
        seq: beat.seq,
        receivedAt: dbNow,
        positionMs,
        event: beat.event,
        verdict,
        creditedMs,
      });
    if (!one) {
      log("unknown");
      return ENDED;
    }
    if (lost.has(beat.sessionId)) {
      // Nothing of this session was written: every beat of it is answered from the row as read.
      log(one.verdict === "replay" ? "replay" : "conflict");
      const row = rows.get(beat.sessionId)!;
      return {
        session: "active",
        verifiedMs: Math.min(row.verifiedMs, row.durationSeconds * 1000),
        crediting: false,
        presenceDue: isPresenceDue(row),
        lessonComplete: row.completed,
        courseComplete: row.enrollmentStatus !== "STUDYING",
      };
    }
    log(one.verdict, one.creditedMs, one.positionMs);
    // From the beat that completed the lesson on, the answers say the course is complete.
    const done = courseComplete.has(beat.sessionId) && one.answer.lessonComplete;
    return done ? { ...one.answer, courseComplete: true } : one.answer;
  });
}

/** At most this many beats go to the database in one batch. */
const MAX_BATCH = 500;
/** Batches at the database at once: the next one gathers beats while these are there. */
const MAX_IN_FLIGHT = 2;
/** Beyond this many waiting beats (the database is not answering), new ones are refused at once. */
const MAX_QUEUED = 20_000;

// Per process. A beat waits for its batch's write, so an answered beat is as durable as before
// batching; a batch that fails fails its beats, which the players send again.
const holder = globalThis as typeof globalThis & {
  __beatBatches?: {
    queue: { request: BeatRequest; resolve: (a: HeartbeatAnswer) => void; reject: (e: unknown) => void }[];
    inFlight: number;
    scheduled: boolean;
  };
};
const batches = (holder.__beatBatches ??= { queue: [], inFlight: 0, scheduled: false });

function schedule() {
  if (batches.scheduled || batches.inFlight >= MAX_IN_FLIGHT || batches.queue.length === 0) return;
  batches.scheduled = true;
  setImmediate(() => {
    batches.scheduled = false;
    const batch = batches.queue.splice(0, MAX_BATCH);
    batches.inFlight += 1;
    recordHeartbeats(batch.map((item) => item.request))
      .then(
        (answers) => batch.forEach((item, i) => item.resolve(answers[i]!)),
        (error: unknown) => batch.forEach((item) => item.reject(error)),
      )
      .finally(() => {
        batches.inFlight -= 1;
        schedule();
      });
    schedule();
  });
}

/**
 * One heartbeat of the learner's playback session. Beats that arrive together are judged
 * together (see `recordHeartbeats`): under load, hundreds of beats cost two statements.
 */
export function recordHeartbeat(learnerId: string, beat: THeartbeatInput): Promise<HeartbeatAnswer> {
  if (batches.queue.length >= MAX_QUEUED) return Promise.reject(new Error("heartbeat queue full"));
  return new Promise((resolve, reject) => {
    batches.queue.push({ request: { learnerId, beat }, resolve, reject });
    schedule();
  });
}
