// Secrets of the embedded (demo) installation, generated once and kept with its data: the ID
// number keys must never change under existing rows, or stored numbers become unreadable.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const KEYS = [
  "AUTH_SECRET",
  "ID_HMAC_KEY",
  "ID_ENCRYPTION_KEY",
  "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
  "CERTIFICATE_SIGNING_KEY",
] as const;
export type LocalSecrets = Record<(typeof KEYS)[number], string>;

/** The demo's secrets; a key added since they were made (the certificate key) is added to them. */
export function loadOrCreateSecrets(file: string): LocalSecrets {
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<LocalSecrets>) : {};
  if (KEYS.every((k) => existing[k])) return existing as LocalSecrets;
  const secrets = Object.fromEntries(KEYS.map((k) => [k, existing[k] ?? randomBytes(32).toString("base64")])) as LocalSecrets;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  return secrets;
}
