import { beforeAll, describe, expect, it } from "vitest";
import { TEST_SECRETS } from "../support/test-database";

beforeAll(() => {
  Object.assign(process.env, TEST_SECRETS, { DATABASE_URL: "postgresql://unused@127.0.0.1/unused" });
});

describe("session token", () => {
  it("stamps the sign-in time and keeps the token for 12 hours, then refuses it", async () => {
    const { refreshToken, ABSOLUTE_TIMEOUT_SECONDS } = await import("../../src/server/auth/config");
    const signedIn = refreshToken({}, { id: "learner-1", kind: "learner", sid: "s-1" }, 1_000);
    expect(signedIn).toEqual({ sub: "learner-1", kind: "learner", loginAt: 1_000, sid: "s-1" });
    expect(refreshToken(signedIn!, undefined, 1_000 + ABSOLUTE_TIMEOUT_SECONDS)).toEqual(signedIn);
    expect(refreshToken(signedIn!, undefined, 1_001 + ABSOLUTE_TIMEOUT_SECONDS)).toBeNull();
  });

  it("refuses a token without its kind, subject, sign-in time or session", async () => {
    const { refreshToken } = await import("../../src/server/auth/config");
    expect(refreshToken({ sub: "x", kind: "staff" }, undefined, 10)).toBeNull();
    expect(refreshToken({ sub: "x", loginAt: 5 }, undefined, 10)).toBeNull();
    expect(refreshToken({ kind: "learner", loginAt: 5 }, undefined, 10)).toBeNull();
    expect(refreshToken({ sub: "x", kind: "learner", loginAt: 5 }, undefined, 10)).toBeNull();
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

describe("session cookie, read and renewed by the portal", () => {
  const NAME = "authjs.session-token";
  const SID = "6f1c2b9e-3d4a-4f5b-8c7d-1e2f3a4b5c6d";
  const now = () => Math.floor(Date.now() / 1000);

  async function issued(claims: Record<string, unknown>, maxAge = 30 * 60, salt: string = NAME) {
    const { encode } = await import("next-auth/jwt");
    return encode({ token: claims, secret: TEST_SECRETS.AUTH_SECRET, salt, maxAge });
  }

  it("reads the cookie next-auth issues at sign-in, and next-auth reads the renewed one", async () => {
    const { readSessionToken, renewSessionToken } = await import("../../src/server/auth/session-token");
    const { decode } = await import("next-auth/jwt");
    const loginAt = now() - 600;
    const session = await readSessionToken(NAME, await issued({ sub: "learner-1", kind: "learner", loginAt, sid: SID }));
    expect(session?.principal).toEqual({ kind: "learner", id: "learner-1", loginAt, sessionId: SID });
    const renewed = await renewSessionToken(session!);
    const read = await decode({ token: renewed, secret: TEST_SECRETS.AUTH_SECRET, salt: NAME });
    expect(read).toMatchObject({ sub: "learner-1", kind: "learner", loginAt, sid: SID });
    expect(read!.exp! - read!.iat!).toBe(30 * 60);
    expect((await readSessionToken(NAME, renewed))?.principal).toEqual(session!.principal);
  });

  it("renews a cookie once it is a minute old, not before", async () => {
    const { isRenewalDue, readSessionToken } = await import("../../src/server/auth/session-token");
    const session = await readSessionToken(NAME, await issued({ sub: "s-1", kind: "staff", loginAt: now(), sid: SID }));
    expect(isRenewalDue(session!, session!.issuedAt + 59)).toBe(false);
    expect(isRenewalDue(session!, session!.issuedAt + 60)).toBe(true);
  });

  it("refuses an expired cookie, one past the 12-hour limit, another cookie's, a forged one, an unknown kind or no session", async () => {
    const { readSessionToken } = await import("../../src/server/auth/session-token");
    const { ABSOLUTE_TIMEOUT_SECONDS } = await import("../../src/server/auth/session-limits");
    expect(await readSessionToken(NAME, await issued({ sub: "a", kind: "learner", loginAt: now(), sid: SID }, -60))).toBeNull();
    const old = { sub: "a", kind: "learner", loginAt: now() - ABSOLUTE_TIMEOUT_SECONDS - 1, sid: SID };
    expect(await readSessionToken(NAME, await issued(old))).toBeNull();
    const secure = await issued({ sub: "a", kind: "learner", loginAt: now(), sid: SID }, 1800, "__Secure-authjs.session-token");
    expect(await readSessionToken(NAME, secure)).toBeNull();
    expect(await readSessionToken(NAME, "not-a-token")).toBeNull();
    expect(await readSessionToken(NAME, await issued({ sub: "a", kind: "admin", loginAt: now(), sid: SID }))).toBeNull();
    expect(await readSessionToken(NAME, await issued({ kind: "learner", loginAt: now(), sid: SID }))).toBeNull();
    expect(await readSessionToken(NAME, await issued({ sub: "a", kind: "learner", loginAt: now() }))).toBeNull();
  });

  it("stops accepting a remembered cookie at the end of its life", async () => {
    const { readSessionToken } = await import("../../src/server/auth/session-token");
    const token = await issued({ sub: "b", kind: "learner", loginAt: now(), sid: SID });
    const session = await readSessionToken(NAME, token);
    expect(await readSessionToken(NAME, token, session!.validUntil - 1)).toEqual(session);
    expect(await readSessionToken(NAME, token, session!.validUntil)).toBeNull();
  });

  it("reads either cookie name from a Cookie header", async () => {
    const { readSessionCookie } = await import("../../src/server/auth/session-token");
    const token = await issued({ sub: "c", kind: "learner", loginAt: now(), sid: SID });
    expect((await readSessionCookie(`theme=x; ${NAME}=${token}; other=1`))?.principal.id).toBe("c");
    expect(await readSessionCookie("theme=x")).toBeNull();
    expect(await readSessionCookie(null)).toBeNull();
  });
});
