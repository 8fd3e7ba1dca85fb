import { describe, expect, it } from "vitest";
import { ERROR_STATUS } from "../../src/lib/error-codes";
import { AppError } from "../../src/lib/errors";
import { errorMessages } from "../../src/messages/zh-CN/errors";

describe("error codes", () => {
  it("answer every kind of not-found alike, and only with client or server error statuses", () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect([400, 401, 403, 404, 409, 413, 429, 500, 503], code).toContain(status);
      if (code.endsWith("NOT_FOUND")) expect(status, code).toBe(404);
    }
  });

  it("keep the exam endpoints' answers: unknown 404, bad input 400, a state that forbids it 409", () => {
    expect(ERROR_STATUS.EXAM_NOT_FOUND).toBe(404);
    expect(ERROR_STATUS.INVALID_ANSWER).toBe(400);
    expect(ERROR_STATUS.QUESTION_NOT_ON_PAPER).toBe(400);
    for (const code of ["EXAM_TIME_UP", "ATTEMPT_CLOSED", "NOT_STUDIED", "RESTUDY_REQUIRED"] as const) {
      expect(ERROR_STATUS[code]).toBe(409);
    }
  });

  it("answer a staff report over its time limit as the service unavailable for now (ADR 0022)", () => {
    expect(ERROR_STATUS.QUERY_TIMEOUT).toBe(503);
  });

  it("say each code in Chinese, one sentence a code, which an AppError carries unless given another", () => {
    expect(Object.keys(errorMessages).sort()).toEqual(Object.keys(ERROR_STATUS).sort());
    for (const [code, message] of Object.entries(errorMessages)) expect(message, code).toMatch(/[\u4e00-\u9fff]/u);
    expect(new AppError("ATTEMPT_CLOSED").message).toBe(errorMessages.ATTEMPT_CLOSED);
    expect(new AppError("NOT_FOUND", "未找到该问题编号").message).toBe("未找到该问题编号");
  });
});
