// The printing of the exam benchmark (scripts/bench/exams.ts): each request's latencies and the
// portal's CPU per request, then what the learner waits for and the verdict on the targets.
import { COURSE_CREDITS, type Seeded } from "./exams-seed";
import type { rush } from "./exams-rush";

/** Target for what a learner waits for: start to paper, hand-in to result (p99, ms). */
const LEARNER_P99_TARGET_MS = 1_500;

type Round = Awaited<ReturnType<typeof rush>>;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

export function report(round: Round) {
  for (const [name, calls] of Object.entries(round.calls)) {
    const ms = calls.map((c) => c.ms);
    const at = (p: number) => percentile(ms, p).toFixed(0);
    const ok = calls.filter((c) => c.ok).length;
    const cpu = ((round.cpu[name] ?? Number.NaN) / Math.max(1, calls.length)).toFixed(1);
    console.log(
      `${name.padEnd(7)} ok ${ok}/${calls.length}  p50 ${at(50)} ms  p99 ${at(99)} ms  max ${Math.max(...ms).toFixed(0)} ms  portal CPU ${cpu} ms/request`,
    );
  }
}

/**
 * The rush of `learners` learners at once: its requests, what each learner waited for, and
 * whether the targets are met. Sets a failing exit code unless the credits are right.
 */
export function reportBench({
  learners: LEARNERS,
  instances: INSTANCES,
  poolSize,
  bench,
  round,
  awards,
  passedAttempts,
  graded,
}: {
  learners: number;
  instances: number;
  poolSize: string | undefined;
  bench: Seeded;
  round: Round;
  awards: { learnerId: string; credits: number }[];
  passedAttempts: { learnerId: string }[];
  graded: number;
}) {
  const { start, open, submit, result } = round.calls;
  const passes = passedAttempts.length;
  const credited = new Set(awards.map((a) => a.learnerId));
  const awardedCredits = awards.reduce((sum, a) => sum + a.credits, 0);
  const expected = bench.learners.filter((l) => l.passes).length;
  // Credits awarded = passes exactly: one course award per passed attempt, to that attempt's
  // learner, of the course's full credits, and only to them.
  const creditsMatch =
    awards.length === passes &&
    credited.size === passes &&
    passedAttempts.every((a) => credited.has(a.learnerId)) &&
    awardedCredits === passes * COURSE_CREDITS;
  console.log(`\n${LEARNERS} learners at once, ${INSTANCES} instance(s), pool ${poolSize} connections each:`);
  report(round);

  // What the learner waits for, per learner: from 开始考试 to the paper on screen (the start,
  // then the paper's page), and from 确认交卷 to the result (the hand-in, then the result's
  // page). Each is the sum of its two requests' times: the benchmark lets every start finish
  // before the pages are fetched, which a learner's browser does not wait for.
  const startToPaper = start.map((c, i) => c.ms + (open[i]?.ms ?? Number.NaN));
  const handInToResult = submit.map((c, i) => c.ms + (result[i]?.ms ?? Number.NaN));
  const started = bench.learners.filter((_, i) => start[i]?.ok && open[i]?.ok).length;
  const handedIn = bench.learners.filter((_, i) => submit[i]?.ok && result[i]?.ok).length;
  const succeeded = bench.learners.filter(
    (_, i) => start[i]?.ok && open[i]?.ok && round.allSaved[i] && submit[i]?.ok && result[i]?.ok,
  ).length;
  const verdict = (met: boolean) => (met ? "met" : "NOT met");
  const waited = (name: string, ms: number[]) => {
    const p99 = percentile(ms, 99);
    const line = `p50 ${percentile(ms, 50).toFixed(0)} ms  p99 ${p99.toFixed(0)} ms  max ${Math.max(...ms).toFixed(0)} ms`;
    console.log(
      `${name}: ${line}  target p99 <= ${LEARNER_P99_TARGET_MS} ms: ${verdict(p99 <= LEARNER_P99_TARGET_MS)}`,
    );
    return p99 <= LEARNER_P99_TARGET_MS;
  };
  console.log(`\nWhat the learner waits for (${LEARNERS} learners):`);
  console.log(`started (start + paper page): ${started}/${LEARNERS}`);
  console.log(`handed in (hand-in + result page): ${handedIn}/${LEARNERS}`);
  const allSucceeded = succeeded === LEARNERS;
  console.log(
    `succeeded (start + paper page + 10 saves + hand-in + result page): ${succeeded}/${LEARNERS}  target ${LEARNERS}/${LEARNERS}: ${verdict(allSucceeded)}`,
  );
  console.log(
    `credits: ${awards.length} course awards (${awardedCredits} credits) to ${credited.size} learners, ` +
      `${passes} passed attempts (expected ${expected}) of ${graded} graded  target awards = passes: ${verdict(creditsMatch)}`,
  );
  // Every attempt graded, and the four in five meant to pass passed: otherwise "credits = passes"
  // proves nothing.
  const gradedRight = graded === LEARNERS && passes === expected;
  const startMet = waited("start + paper page, per learner", startToPaper);
  const handInMet = waited("hand-in + result page, per learner", handInToResult);
  console.log(
    `target (all learners succeed, credits = passes, both p99 <= ${LEARNER_P99_TARGET_MS} ms): ${verdict(allSucceeded && gradedRight && creditsMatch && startMet && handInMet)}`,
  );
  if (!creditsMatch || !gradedRight) process.exitCode = 1;
}
