import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SECRETS } from "../support/test-database";

beforeAll(() => {
  Object.assign(process.env, TEST_SECRETS, { DATABASE_URL: "postgresql://unused@127.0.0.1/unused" });
});

describe("session token", () => {
  it("stamps the sign-in time and keeps the token for 12 hours, then refuses it", async () => {
    const { refreshToken, ABSOLUTE_TIMEOUT_SECONDS } = await import("../../src/server/auth/config");
    const signedIn = refreshToken({}, { id: "learner-1", kind: "learner" }, 1_000);
    expect(signedIn).toEqual({ sub: "learner-1", kind: "learner", loginAt: 1_000 });
    expect(refreshToken(signedIn!, undefined, 1_000 + ABSOLUTE_TIMEOUT_SECONDS)).toEqual(signedIn);
    expect(refreshToken(signedIn!, undefined, 1_001 + ABSOLUTE_TIMEOUT_SECONDS)).toBeNull();
  });

  it("refuses a token without its kind, subject or sign-in time", async () => {
    const { refreshToken } = await import("../../src/server/auth/config");
    expect(refreshToken({ sub: "x", kind: "staff" }, undefined, 10)).toBeNull();
    expect(refreshToken({ sub: "x", loginAt: 5 }, undefined, 10)).toBeNull();
    expect(refreshToken({ kind: "learner", loginAt: 5 }, undefined, 10)).toBeNull();
  });
});

describe("login ticket", () => {
  it("names the verified subject for its kind only, and expires after a minute", async () => {
    const { issueLoginTicket, verifyLoginTicket } = await import("../../src/server/auth/login-ticket");
    const ticket = issueLoginTicket("learner", "learner-1", 1_000_000);
    expect(verifyLoginTicket("learner", ticket, 1_000_000)).toBe("learner-1");
    expect(verifyLoginTicket("staff", ticket, 1_000_000)).toBeNull();
    expect(verifyLoginTicket("learner", ticket, 1_060_001)).toBeNull();
  });

  it("refuses forged or altered tickets", async () => {
    const { issueLoginTicket, verifyLoginTicket } = await import("../../src/server/auth/login-ticket");
    const ticket = issueLoginTicket("learner", "learner-1", 1_000_000);
    const [kind, , expires, signature] = ticket.split(".");
    expect(verifyLoginTicket("learner", `${kind}.learner-2.${expires}.${signature}`, 1_000_000)).toBeNull();
    expect(
      verifyLoginTicket("learner", `${kind}.learner-1.${Number(expires) + 60_000}.${signature}`, 1_000_000),
    ).toBeNull();
    expect(verifyLoginTicket("learner", "learner.learner-1.9999999999999", 1_000_000)).toBeNull();
    expect(verifyLoginTicket("learner", undefined, 1_000_000)).toBeNull();
  });
});
