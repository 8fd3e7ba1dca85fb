import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { base64url, calculateJwkThumbprint, EncryptJWT, jwtDecrypt } from "jose";
import { env } from "@/lib/env";
import { ABSOLUTE_TIMEOUT_SECONDS, IDLE_TIMEOUT_SECONDS } from "./session-limits";

// The session cookie, read and renewed by the portal itself: the same token next-auth issues at
// sign-in (an encrypted JWT, "dir" + A256CBC-HS512 under a key derived from AUTH_SECRET with the
// cookie's name as salt, the key's thumbprint as `kid`), so either side reads what the other
// wrote. next-auth derives the key and its thumbprint again for every token and decrypts the
// cookie afresh in the proxy and again in the page, then encrypts a new one for every response:
// four JWE operations and six key derivations a page, ~12% of a page's CPU (measured; ADR 0018).
// Here the key is derived once, a token is decrypted once and remembered until it expires, and
// a cookie is renewed only once it is a minute old.

/** next-auth's session cookie names: with the __Secure- prefix of HTTPS deployments, and without. */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
export type SessionCookieName = (typeof SESSION_COOKIE_NAMES)[number];

/** A cookie older than this is renewed: the idle limit is then exact to within a minute. */
export const RENEW_AFTER_SECONDS = 60;

export type PrincipalKind = "learner" | "staff";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a value can be a session id (an AuthSession row's); anything else is refused unasked. */
export function isSessionId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Who is signed in, when they signed in (seconds since epoch), and the session's record. */
export interface Principal {
  kind: PrincipalKind;
  id: string;
  loginAt: number;
  /** The AuthSession row of this sign-in (auth-sessions.ts). */
  sessionId: string;
}

export interface SessionToken {
  principal: Principal;
  cookieName: SessionCookieName;
  /** When this cookie was issued (seconds since epoch). */
  issuedAt: number;
  /** The end of its life: its own expiry (the idle limit) or the absolute limit, whichever is first. */
  validUntil: number;
}

interface DerivedKey {
  key: Uint8Array;
  kid: string;
}

// Keys per secret and cookie name, and decrypted tokens, kept on globalThis: the proxy and the
// pages are bundled apart but run in one process, and share them.
const holder = globalThis as typeof globalThis & {
  __sessionKeys?: Map<string, Promise<DerivedKey>>;
  __sessionTokens?: Map<string, SessionToken>;
};
const keys = (holder.__sessionKeys ??= new Map());
const tokens = (holder.__sessionTokens ??= new Map());
const MAX_REMEMBERED = 50_000;

function derivedKey(salt: SessionCookieName): Promise<DerivedKey> {
  const secret = env().AUTH_SECRET;
  const id = `${salt}\u0000${secret}`;
  let derived = keys.get(id);
  if (!derived) {
    derived = (async () => {
      const info = `Auth.js Generated Encryption Key (${salt})`;
      const key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 64));
      const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, "sha512");
      return { key, kid };
    })();
    keys.set(id, derived);
  }
  return derived;
}

function remember(token: string, session: SessionToken) {
  if (tokens.size >= MAX_REMEMBERED) {
    const oldest = tokens.keys().next().value;
    if (oldest !== undefined) tokens.delete(oldest);
  }
  tokens.set(token, session);
}

/** A cookie's value from a Cookie header, or null. */
export function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * The session of a token, or null: a principal of a known kind, within its idle limit (the
 * token's expiry, checked by the decryption) and its absolute limit (12 h after sign-in), as the
 * session callbacks check. At most one decryption per token value.
 */
export async function readSessionToken(
  cookieName: SessionCookieName,
  token: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<SessionToken | null> {
  const remembered = tokens.get(token);
  if (remembered) {
    if (nowSeconds < remembered.validUntil && remembered.cookieName === cookieName) return remembered;
    tokens.delete(token);
    return null;
  }
  try {
    const { key, kid } = await derivedKey(cookieName);
    const { payload, protectedHeader } = await jwtDecrypt(token, key, {
      clockTolerance: 15,
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256CBC-HS512"],
    });
    if (protectedHeader.kid !== undefined && protectedHeader.kid !== kid) return null;
    const { sub, kind, loginAt, sid, exp, iat } = payload as Record<string, unknown>;
    if ((kind !== "learner" && kind !== "staff") || typeof sub !== "string" || !sub) return null;
    if (!isSessionId(sid)) return null;
    if (typeof loginAt !== "number" || typeof exp !== "number") return null;
    const validUntil = Math.min(exp, loginAt + ABSOLUTE_TIMEOUT_SECONDS);
    if (nowSeconds >= validUntil) return null;
    const session: SessionToken = {
      principal: { kind, id: sub, loginAt, sessionId: sid },
      cookieName,
      issuedAt: typeof iat === "number" ? iat : loginAt,
      validUntil,
    };
    remember(token, session);
    return session;
  } catch {
    return null;
  }
}

/** The session of a Cookie header (either cookie name), or null. */
export async function readSessionCookie(cookieHeader: string | null): Promise<SessionToken | null> {
  if (!cookieHeader) return null;
  for (const name of SESSION_COOKIE_NAMES) {
    const token = cookieValue(cookieHeader, name);
    if (token) return readSessionToken(name, token);
  }
  return null;
}

/** Whether a session's cookie is old enough to be renewed (its idle limit pushed back). */
export function isRenewalDue(session: SessionToken, nowSeconds = Math.floor(Date.now() / 1000)): boolean {
  return nowSeconds - session.issuedAt >= RENEW_AFTER_SECONDS;
}

/**
 * A fresh cookie value for a session: the same principal and sign-in time, issued now, expiring
 * after the idle limit. The absolute limit still counts from the sign-in.
 */
export async function renewSessionToken(session: SessionToken): Promise<string> {
  const { key, kid } = await derivedKey(session.cookieName);
  const { kind, id, loginAt, sessionId } = session.principal;
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT({ kind, loginAt, sid: sessionId, sub: id })
    .setProtectedHeader({ alg: "dir", enc: "A256CBC-HS512", kid })
    .setIssuedAt(now)
    .setExpirationTime(now + IDLE_TIMEOUT_SECONDS)
    .setJti(randomUUID())
    .encrypt(key);
}

/** The cookie name sessions are issued under (the __Secure- one over HTTPS), as next-auth names it. */
export function issuedCookieName(): SessionCookieName {
  const config = env();
  return config.NODE_ENV === "production" && config.AUTH_COOKIE_SECURE ? SESSION_COOKIE_NAMES[0] : SESSION_COOKIE_NAMES[1];
}
