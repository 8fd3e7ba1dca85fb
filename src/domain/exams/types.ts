// The shapes the exam rules work on: plain data, independent of the database client, so that
// the rules can be tested (and reasoned about) without one.

/** 单选题 / 多选题 / 判断题 */
export type QuestionType = "SINGLE" | "MULTIPLE" | "TRUE_FALSE";

/** Where an enrollment stands; only EXAM_PENDING may sit the exam. */
export type EnrollmentStage = "STUDYING" | "EXAM_PENDING" | "CREDITED";

/** How an attempt ended: handed in, or graded at its deadline with what was saved by then. */
export type AttemptStatus = "IN_PROGRESS" | "SUBMITTED" | "EXPIRED";

/** A question of the bank as the draw sees it: which options it has, in the bank's order. */
export interface BankQuestion {
  id: string;
  type: QuestionType;
  optionIds: readonly string[];
}

/** A question as drawn onto a paper: the order its options are shown in. */
export interface PaperQuestion {
  questionId: string;
  /** 1-based place on the paper. */
  position: number;
  optionOrder: string[];
}

/** A paper question with what grading needs: the key and the learner's saved answer. */
export interface GradableQuestion {
  position: number;
  correctOptionIds: readonly string[];
  answer: readonly string[];
}

/** A randomness source returning a float in [0, 1), like Math.random: injectable for tests. */
export type RandomSource = () => number;
