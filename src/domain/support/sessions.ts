// A playback session as support staff read it: its state and its heartbeat anomalies in plain
// words, from the session's counters and the verdicts of its raw heartbeats (PlaybackBeat).

/** A session with no heartbeat for this long and no end is taken as interrupted. */
export const SESSION_STALE_MS = 2 * 60_000;

export interface SessionFacts {
  startedAt: Date;
  lastBeatAt: Date;
  endedAt: Date | null;
  endReason: "TAKEN_OVER" | "CLOSED" | null;
  acceptedBeats: number;
  ignoredBeats: number;
  jumpBeats: number;
  /** Whether playback was still in verified, creditable time when the session last heard. */
  contiguous: boolean;
  /** Raw heartbeat verdicts of this session, counted (kept for 30 days only). */
  verdicts: Readonly<Record<string, number>>;
}

export type SessionState = "playing" | "taken-over" | "closed" | "interrupted";

export const SESSION_STATE_LABELS: Record<SessionState, string> = {
  playing: "正在播放",
  "taken-over": "被其他页面接替",
  closed: "已结束",
  interrupted: "已中断（页面关闭或网络中断）",
};

export function sessionState(facts: Pick<SessionFacts, "endReason" | "lastBeatAt">, now: Date): SessionState {
  if (facts.endReason === "TAKEN_OVER") return "taken-over";
  if (facts.endReason === "CLOSED") return "closed";
  return now.getTime() - facts.lastBeatAt.getTime() > SESSION_STALE_MS ? "interrupted" : "playing";
}

export interface SessionNotice {
  code:
    | "taken-over"
    | "jump"
    | "unchecked"
    | "ignored"
    | "after-end"
    | "not-crediting"
    | "no-beats"
    | "inactive"
    | "seek-back";
  text: string;
  /** warning: the learner lost (or did not gain) study time; info: harmless. */
  tone: "warning" | "info";
  count?: number;
}

const count = (verdicts: SessionFacts["verdicts"], ...keys: string[]) =>
  keys.reduce((sum, key) => sum + (verdicts[key] ?? 0), 0);

/** What went unusually in a session, most important first; empty when nothing did. */
export function describeSessionAnomalies(facts: SessionFacts, now: Date): SessionNotice[] {
  const notices: SessionNotice[] = [];
  const state = sessionState(facts, now);
  const v = facts.verdicts;
  if (facts.endReason === "TAKEN_OVER") {
    notices.push({ code: "taken-over", tone: "warning", text: "另一个页面或设备开始播放，本次播放已停止计时" });
  }
  const jumps = Math.max(facts.jumpBeats, count(v, "jump"));
  if (jumps > 0) {
    notices.push({ code: "jump", tone: "warning", count: jumps, text: "检测到进度跳跃，跳过的部分未计入学习时间" });
  }
  const unchecked = count(v, "unchecked");
  if (unchecked > 0) {
    notices.push({
      code: "unchecked",
      tone: "warning",
      count: unchecked,
      text: "“您还在学习吗？”确认未回答，期间的播放未计时；点击“继续学习”即恢复计时",
    });
  }
  if (!facts.contiguous && state !== "playing") {
    notices.push({
      code: "not-crediting",
      tone: "warning",
      text: "播放停在尚未核验的位置，那里的播放未计时；从已核验的位置继续播放即可计时",
    });
  }
  const afterEnd = count(v, "ended");
  if (afterEnd > 0) {
    notices.push({
      code: "after-end",
      tone: "info",
      count: afterEnd,
      text: "本次播放结束后页面仍在发送心跳，这些心跳未计时",
    });
  }
  // ignoredBeats counts the clock verdicts; replays and lost races are only in the raw log.
  const ignored = Math.max(facts.ignoredBeats, count(v, "clock")) + count(v, "replay", "conflict");
  if (ignored > 0) notices.push({ code: "ignored", tone: "info", count: ignored, text: "重复或乱序的心跳已忽略" });
  const inactive = count(v, "learner-inactive");
  if (inactive > 0) {
    notices.push({ code: "inactive", tone: "warning", count: inactive, text: "学员账号已停用，播放未计时" });
  }
  if (facts.acceptedBeats === 0 && jumps === 0 && state !== "playing") {
    notices.push({
      code: "no-beats",
      tone: "warning",
      text: "未收到有效的播放心跳：视频可能没有开始播放",
    });
  }
  const seekBack = count(v, "seek-back");
  if (seekBack > 0) {
    notices.push({
      code: "seek-back",
      tone: "info",
      count: seekBack,
      text: "回看了已学过的内容，不影响已核验的学习时间",
    });
  }
  return notices;
}
