// Exams on real PostgreSQL: the paper drawn and stored on the server, answers saved and
// validated, grading once (50 concurrent hand-ins, one grade, one ledger entry), lazy expiry, the
// restudy after the last allowed failure, credits in the right year, and every access rule.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { seedReferenceData } from "../../prisma/seed";
import { isAnswerCorrect } from "../../src/domain/exams";
import { currentYear } from "../../src/lib/time";
import { getDb } from "../../src/server/db";
import { findAttemptForLearner } from "../../src/server/exams/find-attempt-for-learner";
import { findExamOverview } from "../../src/server/exams/find-exam-overview";
import { saveAnswer } from "../../src/server/exams/save-answer";
import { startAttempt } from "../../src/server/exams/start-attempt";
import { submitAttempt } from "../../src/server/exams/submit-attempt";
import {
  createCourse,
  createLearner,
  createLessons,
  createQuestionBank,
  examReady,
  type TestQuestion,
} from "../support/factories";
import { truncateData } from "../support/reset-database";

const Y = currentYear();
const MINUTE = 60_000;

function keyOf(key: Map<string, TestQuestion>, questionId: string): TestQuestion {
  const question = key.get(questionId);
  if (!question) throw new Error(`question ${questionId} is not in the bank`);
  return question;
}

function wrongAnswer(question: TestQuestion): string[] {
  const wrong = question.optionIds.find((id) => !question.correctOptionIds.includes(id));
  return wrong ? [wrong] : [];
}

async function paperOf(attemptId: string) {
  return getDb().examAttemptQuestion.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
}

/** Answers the first `right` questions of the paper correctly and the rest wrongly. */
async function answer(learnerId: string, attemptId: string, key: Map<string, TestQuestion>, right: number, now?: Date) {
  for (const [index, q] of (await paperOf(attemptId)).entries()) {
    const question = keyOf(key, q.questionId);
    const optionIds = index < right ? question.correctOptionIds : wrongAnswer(question);
    await saveAnswer(learnerId, { attemptId, questionId: q.questionId, optionIds }, { now });
  }
}

const creditEntries = (learnerId: string) => getDb().creditEntry.findMany({ where: { learnerId } });

beforeAll(async () => {
  await seedReferenceData(getDb());
});

beforeEach(async () => {
  await truncateData(inject("databaseUrl"));
});

describe("starting an attempt", () => {
  it("draws a paper of the set size from the active bank, stores it, and shows no key", async () => {
    const { learner, enrollment, questions } = await examReady({ bank: { single: 8, multiple: 4, trueFalse: 3 } });
    const retired = questions[0];
    await getDb().question.update({ where: { id: retired?.id }, data: { active: false } });
    const before = Date.now();

    const started = await startAttempt(learner.id, { enrollmentId: enrollment.id });

    expect(started.resumed).toBe(false);
    const attempt = await getDb().examAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    expect(attempt).toMatchObject({ status: "IN_PROGRESS", openKey: enrollment.id, cycle: 1, number: 1 });
    expect(attempt.deadline.getTime() - attempt.startedAt.getTime()).toBe(30 * MINUTE);
    expect(attempt.startedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const paper = await paperOf(started.attemptId);
    expect(paper).toHaveLength(10);
    expect(new Set(paper.map((q) => q.questionId)).size).toBe(10);
    expect(paper.map((q) => q.questionId)).not.toContain(retired?.id);
    for (const q of paper) {
      const bankQuestion = questions.find((b) => b.id === q.questionId);
      expect([...q.optionOrder].sort()).toEqual([...(bankQuestion?.optionIds ?? [])].sort());
      expect(q.answer).toEqual([]);
    }

    const view = await findAttemptForLearner(learner.id, started.attemptId);
    expect(view?.status).toBe("IN_PROGRESS");
    if (view?.status !== "IN_PROGRESS") throw new Error(`the attempt is ${view?.status ?? "not found"}`);
    // The browser gets stems, options in the paper's order and saved answers: no key, no explanation.
    for (const q of view.questions) {
      expect(Object.keys(q).sort()).toEqual(["answer", "options", "position", "questionId", "stem", "type"]);
      for (const option of q.options) expect(Object.keys(option).sort()).toEqual(["id", "label"]);
      const stored = paper.find((p) => p.questionId === q.questionId);
      expect(q.options.map((o) => o.id)).toEqual(stored?.optionOrder);
    }
    expect(JSON.stringify(view)).not.toMatch(/correct|explanation|解析/);
  });

  it("gives the whole bank when it is smaller than the paper", async () => {
    const { learner, enrollment } = await examReady({ bank: { single: 2, trueFalse: 1 } });
    const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id });
    expect(await paperOf(attemptId)).toHaveLength(3);
    const overview = await findExamOverview(learner.id, enrollment.id);
    expect(overview?.course.questionCount).toBe(3);
  });

  it("returns the open attempt to a second start, and 20 concurrent starts open one attempt", async () => {
    const { learner, enrollment } = await examReady();
    const starts = await Promise.all(
      Array.from({ length: 20 }, () => startAttempt(learner.id, { enrollmentId: enrollment.id })),
    );
    expect(new Set(starts.map((s) => s.attemptId)).size).toBe(1);
    expect(starts.filter((s) => !s.resumed)).toHaveLength(1);
    expect(await getDb().examAttempt.count({ where: { enrollmentId: enrollment.id } })).toBe(1);
    const again = await startAttempt(learner.id, { enrollmentId: enrollment.id });
    expect(again).toMatchObject({ attemptId: starts[0]?.attemptId, resumed: true });
  });

  it("refuses a course not studied yet, a course already passed, and a course without questions", async () => {
    const studying = await examReady({ status: "STUDYING" });
    await expect(startAttempt(studying.learner.id, { enrollmentId: studying.enrollment.id })).rejects.toMatchObject({
      code: "NOT_STUDIED",
      message: "请先学完本课程的全部内容，再参加考试。",
    });
    const credited = await examReady({ status: "CREDITED" });
    await expect(startAttempt(credited.learner.id, { enrollmentId: credited.enrollment.id })).rejects.toMatchObject({
      code: "ALREADY_PASSED",
    });
    const empty = await examReady({ bank: {} });
    await expect(startAttempt(empty.learner.id, { enrollmentId: empty.enrollment.id })).rejects.toMatchObject({
      code: "NO_QUESTIONS",
    });
    expect(await getDb().examAttempt.count()).toBe(0);
  });
});

describe("access: another learner's exam is answered exactly like a nonexistent one", () => {
  it("cannot start, read, answer or submit another learner's attempt", async () => {
    const owner = await examReady();
    const other = await createLearner();
    const { attemptId } = await startAttempt(owner.learner.id, { enrollmentId: owner.enrollment.id });
    const [first] = await paperOf(attemptId);
    const questionId = first?.questionId ?? "";
    const optionIds = keyOf(owner.key, questionId).correctOptionIds;

    const outcomes = async (id: string, enrollmentId: string) => ({
      start: await startAttempt(other.id, { enrollmentId }).catch((e: unknown) => e),
      read: await findAttemptForLearner(other.id, id),
      overview: await findExamOverview(other.id, enrollmentId),
      save: await saveAnswer(other.id, { attemptId: id, questionId, optionIds }).catch((e: unknown) => e),
      submit: await submitAttempt(other.id, { attemptId: id }).catch((e: unknown) => e),
    });
    const theirs = await outcomes(attemptId, owner.enrollment.id);
    const nobodys = await outcomes("no-such-attempt", "no-such-enrollment");
    expect(theirs).toEqual(nobodys);
    expect(theirs.start).toMatchObject({ code: "EXAM_NOT_FOUND", message: "未找到该课程的考试" });
    expect(theirs.save).toMatchObject({ code: "ATTEMPT_NOT_FOUND", message: "未找到该试卷" });
    expect(theirs.submit).toMatchObject({ code: "ATTEMPT_NOT_FOUND" });
    expect(theirs.read).toBeNull();
    expect(theirs.overview).toBeNull();

    // Nothing of the owner's changed.
    expect(await getDb().examAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({
      status: "IN_PROGRESS",
    });
    expect((await paperOf(attemptId)).every((q) => q.answer.length === 0)).toBe(true);
    expect(await getDb().examAttempt.count({ where: { learnerId: other.id } })).toBe(0);
  });
});

describe("saving answers", () => {
  it("saves each change, in the paper's order, and a reload gets them back", async () => {
    const { learner, enrollment, key } = await examReady({ bank: { multiple: 3 } });
    const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id });
    const [q1] = await paperOf(attemptId);
    const question = keyOf(key, q1?.questionId ?? "");
    await saveAnswer(learner.id, { attemptId, questionId: question.id, optionIds: [question.optionIds[0] ?? ""] });
    const chosen = [...question.correctOptionIds].reverse();
    await saveAnswer(learner.id, { attemptId, questionId: question.id, optionIds: chosen });
    const view = await findAttemptForLearner(learner.id, attemptId);
    const saved = view?.questions.find((q) => q.questionId === question.id)?.answer;
    expect(saved).toEqual(q1?.optionOrder.filter((id) => chosen.includes(id)));
    // An empty answer clears the question.
    await saveAnswer(learner.id, { attemptId, questionId: question.id, optionIds: [] });
    expect((await paperOf(attemptId))[0]?.answer).toEqual([]);
  });

  it("refuses nonsense with a clear Chinese message and changes nothing", async () => {
    const { learner, enrollment, key, questions } = await examReady({ bank: { single: 3, multiple: 1, trueFalse: 1 } });
    const notOnPaper = await createQuestionBank((await createCourse()).id, { single: 1 });
    const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id });
    const paper = await paperOf(attemptId);
    const single = paper.map((q) => keyOf(key, q.questionId)).find((q) => q.type === "SINGLE");
    const trueFalse = paper.map((q) => keyOf(key, q.questionId)).find((q) => q.type === "TRUE_FALSE");
    const other = questions.find((q) => q.id !== single?.id);
    if (!single || !trueFalse || !other) throw new Error("the paper lacks a question type");
    await saveAnswer(learner.id, { attemptId, questionId: single.id, optionIds: single.correctOptionIds });
    const before = await paperOf(attemptId);

    const cases: [unknown, string, string | RegExp][] = [
      [{ attemptId, questionId: single.id, optionIds: [other.optionIds[0]] }, "INVALID_ANSWER", "所选选项不属于这道题"],
      [
        { attemptId, questionId: single.id, optionIds: single.optionIds.slice(0, 2) },
        "INVALID_ANSWER",
        "单选题只能选择一个选项",
      ],
      [
        { attemptId, questionId: trueFalse.id, optionIds: trueFalse.optionIds },
        "INVALID_ANSWER",
        "判断题只能选择一个答案",
      ],
      [
        { attemptId, questionId: single.id, optionIds: [single.optionIds[1], single.optionIds[1]] },
        "INVALID_ANSWER",
        "同一个选项不能重复选择",
      ],
      [
        { attemptId, questionId: notOnPaper[0]?.id, optionIds: notOnPaper[0]?.correctOptionIds },
        "QUESTION_NOT_ON_PAPER",
        "这道题不在本次试卷中",
      ],
      [{ attemptId, questionId: single.id, optionIds: "not-an-option-list" }, "INVALID_ANSWER", "所选选项不属于这道题"],
      [{ attemptId, questionId: single.id, optionIds: [42] }, "INVALID_INPUT", "缺少选项或选项编号无效"],
      [
        { attemptId, questionId: single.id, optionIds: Array.from({ length: 30 }, (_, i) => `o${i}`) },
        "INVALID_INPUT",
        "选项过多",
      ],
      [{ attemptId: "", questionId: single.id, optionIds: [] }, "INVALID_INPUT", "缺少试卷"],
      [{ attemptId, optionIds: [] }, "INVALID_INPUT", "缺少题目或题目编号无效"],
      [null, "INVALID_INPUT", "请检查填写的内容"],
    ];
    for (const [input, code, message] of cases) {
      // The input is deliberately malformed: the function must validate what it is given.
      const error = await saveAnswer(learner.id, input as Parameters<typeof saveAnswer>[1]).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toMatchObject({
        name: "AppError",
        code,
        message: expect.stringMatching(message),
      });
    }
    expect(await paperOf(attemptId)).toEqual(before);
  });
});

describe("handing in", () => {
  it("grades once: a second hand-in returns the same grade and records nothing", async () => {
    const { learner, enrollment, key } = await examReady({ startYear: Y });
    const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id });
    await answer(learner.id, attemptId, key, 7);
    const first = await submitAttempt(learner.id, { attemptId });
    expect(first).toMatchObject({
      status: "SUBMITTED",
      score: 70,
      passed: true,
      alreadyGraded: false,
      award: { year: Y, credits: 12 },
    });
    const second = await submitAttempt(learner.id, { attemptId });
    expect(second).toMatchObject({ score: 70, passed: true, alreadyGraded: true, award: null });
    expect(await creditEntries(learner.id)).toHaveLength(1);
    const paper = await paperOf(attemptId);
    expect(paper.map((q) => q.correct)).toEqual([true, true, true, true, true, true, true, false, false, false]);
    expect(await getDb().enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).toMatchObject({
      status: "CREDITED",
    });
    // No answer changes after grading.
    const [q1] = paper;
    await expect(
      saveAnswer(learner.id, { attemptId, questionId: q1?.questionId ?? "", optionIds: [] }),
    ).rejects.toMatchObject({ code: "ATTEMPT_CLOSED" });
  });

  it("grades 50 concurrent hand-ins of one attempt once and credits once", async () => {
    const { learner, enrollment, key } = await examReady({ startYear: Y - 1 });
    const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id });
    await answer(learner.id, attemptId, key, 10);

    const results = await Promise.all(Array.from({ length: 50 }, () => submitAttempt(learner.id, { attemptId })));

    expect(results.filter((r) => !r.alreadyGraded)).toHaveLength(1);
    expect(results.filter((r) => r.award !== null)).toHaveLength(1);
    expect(results.every((r) => r.score === 100 && r.passed && r.status === "SUBMITTED")).toBe(true);
    const entries = await creditEntries(learner.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ year: Y - 1, credits: 12, category: "PROFESSIONAL", source: "COURSE" });
    const attempt = await getDb().examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt).toMatchObject({ status: "SUBMITTED", score: 100, passed: true, openKey: null });
  });

  it("never grades an answer saved after the grade: saves racing a hand-in either count or are refused", async () => {
    // A race, so several rounds: each a fresh attempt, 40 saves in flight around the hand-in (and a
    // pass score nobody reaches, so that every round may start another attempt).
    const exam = { examMaxAttempts: 50, examPassScore: 101 };
    const { learner, enrollment, key } = await examReady({ bank: { single: 4 }, exam });
    const outcomes = new Set<string | undefined>();
    for (let round = 0; round < 6; round++) {
      const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id });
      const paper = await paperOf(attemptId);
      const save = (n: number) => {
        const q = paper[n % paper.length];
        const question = keyOf(key, q?.questionId ?? "");
        const optionIds = Math.floor(n / paper.length) % 2 === 0 ? question.correctOptionIds : wrongAnswer(question);
        return saveAnswer(learner.id, { attemptId, questionId: question.id, optionIds }).then(
          () => "saved",
          (e: { code?: string }) => e.code,
        );
      };
      const before = Array.from({ length: 20 }, (_, n) => save(n));
      const graded = submitAttempt(learner.id, { attemptId });
      const after = Array.from({ length: 20 }, (_, n) => save(20 + n));
      const [score, ...results] = await Promise.all([graded.then((g) => g.score), ...before, ...after]);
      results.forEach((o) => outcomes.add(o));
      const stored = await paperOf(attemptId);
      for (const q of stored) {
        expect(q.correct, `round ${round}`).toBe(isAnswerCorrect(keyOf(key, q.questionId).correctOptionIds, q.answer));
      }
      expect(score).toBe(Math.round((100 * stored.filter((q) => q.correct).length) / stored.length));
    }
    expect([...outcomes].sort()).toEqual(["ATTEMPT_CLOSED", "saved"]);
  });

  it("credits a learner who started two years ago and has nothing credited in that earliest year", async () => {
    const { learner, enrollment, key } = await examReady({ startYear: Y - 2 });
    const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id });
    await answer(learner.id, attemptId, key, 6);
    const graded = await submitAttempt(learner.id, { attemptId });
    expect(graded).toMatchObject({ score: 60, passed: true, award: { year: Y - 2, credits: 12 } });
    expect((await creditEntries(learner.id)).map((e) => e.year)).toEqual([Y - 2]);

    const view = await findAttemptForLearner(learner.id, attemptId);
    expect(view).toMatchObject({
      status: "SUBMITTED",
      passed: true,
      keyRevealed: true,
      credit: { year: Y - 2, credits: 12 },
    });
    if (view?.status === "IN_PROGRESS" || !view) throw new Error(`the attempt is ${view?.status ?? "not found"}`);
    for (const q of view.questions) {
      expect(q.key?.correctOptionIds.sort()).toEqual([...keyOf(key, q.questionId).correctOptionIds].sort());
      expect(q.key?.explanation).toMatch(/的解析$/);
    }
    const overview = await findExamOverview(learner.id, enrollment.id);
    expect(overview).toMatchObject({
      enrollment: { status: "CREDITED" },
      credit: { year: Y - 2 },
      start: { ok: false },
    });
  });
});

describe("five failures force a restudy", () => {
  it("resets the verified progress, audits it, and refuses a sixth start until studied again", async () => {
    const { learner, course, enrollment, key } = await examReady();
    const lessons = await createLessons(course.id, [60, 90]);
    await getDb().lessonProgress.createMany({
      data: lessons.map((l) => ({
        enrollmentId: enrollment.id,
        lessonId: l.id,
        verifiedMs: l.durationSeconds * 1000,
        completedAt: new Date(),
      })),
    });
    await getDb().enrollment.update({ where: { id: enrollment.id }, data: { studyCompletedAt: new Date() } });

    for (let n = 1; n <= 5; n++) {
      const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id });
      await answer(learner.id, attemptId, key, 5);
      const graded = await submitAttempt(learner.id, { attemptId });
      expect(graded).toMatchObject({ score: 50, passed: false, restudyRequired: n === 5 });
      const view = await findAttemptForLearner(learner.id, attemptId);
      // Wrong answers are shown every time, the key only after the cycle's last attempt.
      expect(view).toMatchObject({ number: n, keyRevealed: n === 5 });
      if (view && view.status !== "IN_PROGRESS") {
        expect(view.questions.filter((q) => !q.answeredCorrectly)).toHaveLength(5);
        expect(view.questions.every((q) => (q.key !== null) === (n === 5))).toBe(true);
      }
    }

    expect(await getDb().enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).toMatchObject({
      status: "STUDYING",
      studyCompletedAt: null,
      examCycle: 2,
    });
    const progress = await getDb().lessonProgress.findMany({ where: { enrollmentId: enrollment.id } });
    expect(progress).toHaveLength(2);
    expect(progress.every((p) => p.verifiedMs === 0 && p.completedAt === null)).toBe(true);
    const audit = await getDb().auditLog.findMany({ where: { action: "exam.restudy_required" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetType: "Enrollment", targetId: enrollment.id, outcome: "SUCCESS" });
    expect(audit[0]?.details).toMatchObject({ learnerId: learner.id, cycle: 1, failedAttempts: 5 });

    await expect(startAttempt(learner.id, { enrollmentId: enrollment.id })).rejects.toMatchObject({
      code: "RESTUDY_REQUIRED",
      message: "本轮考试次数已用完，请重新学习本课程后再参加考试。",
    });
    expect(await getDb().examAttempt.count({ where: { enrollmentId: enrollment.id } })).toBe(5);
    expect(await creditEntries(learner.id)).toHaveLength(0);

    // Studied again (the player's completion moves it back to EXAM_PENDING): a new cycle opens.
    await getDb().enrollment.update({
      where: { id: enrollment.id },
      data: { status: "EXAM_PENDING", studyCompletedAt: new Date() },
    });
    const overview = await findExamOverview(learner.id, enrollment.id);
    expect(overview).toMatchObject({ gradedInCycle: 0, attemptsLeft: 5, start: { ok: true, number: 1 } });
    const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id });
    expect(await getDb().examAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({
      cycle: 2,
      number: 1,
    });
  });

  it("honours a course's own attempt limit", async () => {
    const { learner, enrollment, key } = await examReady({ exam: { examMaxAttempts: 2 } });
    for (let n = 1; n <= 2; n++) {
      const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id });
      await answer(learner.id, attemptId, key, 0);
      expect(await submitAttempt(learner.id, { attemptId })).toMatchObject({ score: 0, restudyRequired: n === 2 });
    }
    expect(await getDb().enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).toMatchObject({
      status: "STUDYING",
      examCycle: 2,
    });
  });
});

describe("time limit", () => {
  it("at the deadline grades what was saved; a later answer is refused and changes nothing", async () => {
    const { learner, enrollment, key } = await examReady({ exam: { examTimeLimitMinutes: 15 } });
    const startedAt = new Date();
    const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id }, { now: startedAt });
    await answer(learner.id, attemptId, key, 6, new Date(startedAt.getTime() + 14 * MINUTE));
    const [q1] = await paperOf(attemptId);
    const late = new Date(startedAt.getTime() + 15 * MINUTE);

    // A late answer (q1 made wrong) is refused, and touching the attempt grades it with what was saved.
    const question = keyOf(key, q1?.questionId ?? "");
    await expect(
      saveAnswer(learner.id, { attemptId, questionId: question.id, optionIds: wrongAnswer(question) }, { now: late }),
    ).rejects.toMatchObject({ code: "EXAM_TIME_UP" });
    const attempt = await getDb().examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt).toMatchObject({ status: "EXPIRED", score: 60, passed: true, openKey: null });
    expect(attempt.gradedAt).toEqual(late);
    expect((await paperOf(attemptId))[0]?.answer).toEqual(q1?.answer);
    expect(await creditEntries(learner.id)).toHaveLength(1);

    // Still later: refused as closed, and a hand-in returns the grade already given.
    await expect(
      saveAnswer(
        learner.id,
        { attemptId, questionId: question.id, optionIds: [] },
        { now: new Date(late.getTime() + MINUTE) },
      ),
    ).rejects.toMatchObject({ code: "ATTEMPT_CLOSED" });
    expect(await submitAttempt(learner.id, { attemptId })).toMatchObject({
      status: "EXPIRED",
      alreadyGraded: true,
      score: 60,
    });
  });

  it("grades an expired attempt when its page, the exam page or a new start touches it", async () => {
    const { learner, enrollment, key } = await examReady();
    const t0 = new Date(Date.now() - 2 * 30 * MINUTE);
    const { attemptId: first } = await startAttempt(learner.id, { enrollmentId: enrollment.id }, { now: t0 });
    await answer(learner.id, first, key, 2, t0);
    // Opened after its deadline: graded as expired, with the two saved answers.
    const view = await findAttemptForLearner(learner.id, first);
    expect(view).toMatchObject({ status: "EXPIRED", score: 20, passed: false });

    const t1 = new Date(Date.now() - 45 * MINUTE);
    const { attemptId: second } = await startAttempt(learner.id, { enrollmentId: enrollment.id }, { now: t1 });
    const overview = await findExamOverview(learner.id, enrollment.id);
    expect(overview?.attempts.find((a) => a.id === second)).toMatchObject({ status: "EXPIRED", score: 0 });
    expect(overview).toMatchObject({ gradedInCycle: 2, openAttempt: null });

    const t2 = new Date(Date.now() - 31 * MINUTE);
    const { attemptId: third } = await startAttempt(learner.id, { enrollmentId: enrollment.id }, { now: t2 });
    const fourth = await startAttempt(learner.id, { enrollmentId: enrollment.id });
    expect(fourth.attemptId).not.toBe(third);
    expect(await getDb().examAttempt.findUniqueOrThrow({ where: { id: third } })).toMatchObject({ status: "EXPIRED" });
    expect(await getDb().examAttempt.findUniqueOrThrow({ where: { id: fourth.attemptId } })).toMatchObject({
      status: "IN_PROGRESS",
      number: 4,
    });
  });

  it("a hand-in after the deadline is graded as expired", async () => {
    const { learner, enrollment, key } = await examReady();
    const t0 = new Date();
    const { attemptId } = await startAttempt(learner.id, { enrollmentId: enrollment.id }, { now: t0 });
    await answer(learner.id, attemptId, key, 10, t0);
    const graded = await submitAttempt(learner.id, { attemptId }, { now: new Date(t0.getTime() + 31 * MINUTE) });
    expect(graded).toMatchObject({ status: "EXPIRED", score: 100, passed: true });
  });
});
