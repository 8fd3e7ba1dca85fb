import { randomUUID } from "node:crypto";
// The signed-in principal that mocked sessions report, for tests that call server actions and
// data functions directly (outside a request). Each test file mocks next-auth's `auth` and
// `next/headers` with these (vi.mock must live in the test file itself):
//
//   vi.mock("@/server/auth/config", async (importOriginal) =>
//     (await import("../support/session-mock")).mockAuthConfig(await importOriginal()));
//   vi.mock("next/headers", async () => (await import("../support/session-mock")).mockNextHeaders());
//
// The mocked session stands in for readSession, the cookie and its AuthSession row alike:
// revocation is proven with real tokens and rows (session-revocation.test.ts).
export const currentSession: {
  principal: { kind: "learner" | "staff"; id: string; loginAt: number; sessionId: string } | null;
} = { principal: null };

/** Signs in (by default now; `loginAt` in seconds since epoch for a session signed in earlier). */
export function signInAs(kind: "learner" | "staff", id: string, loginAt = Math.floor(Date.now() / 1000)): void {
  currentSession.principal = { kind, id, loginAt, sessionId: randomUUID() };
}

export function signOutAll(): void {
  currentSession.principal = null;
}

export function mockAuthConfig<T extends object>(original: T) {
  return {
    ...original,
    auth: async () =>
      currentSession.principal
        ? { principal: currentSession.principal, expires: new Date(Date.now() + 60_000).toISOString() }
        : null,
    readSession: async () => (currentSession.principal ? { principal: currentSession.principal } : null),
    // A sign-in inside an action (after a password change) renews the session's sign-in time.
    signIn: async () => {
      if (currentSession.principal) currentSession.principal.loginAt = Math.floor(Date.now() / 1000);
    },
    signOut: async () => undefined,
  };
}

export function mockNextHeaders() {
  return {
    headers: async () => new Headers({ "x-forwarded-for": "127.0.0.1" }),
    cookies: async () => new Map(),
  };
}

/** The path a server action redirected to (Next.js signals a redirect by throwing). */
export async function redirectTarget(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? null;
    throw error;
  }
}
