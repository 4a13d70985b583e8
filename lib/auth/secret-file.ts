import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { dataDirectory } from "../database-url.mjs";

/**
 * Where a generated session secret is kept when BETTER_AUTH_SECRET is not set: beside the
 * SQLite file, or in data/ for PostgreSQL (instances on other machines need BETTER_AUTH_SECRET).
 */
export const secretFile = () => path.join(dataDirectory(), ".auth-secret");

/** Creates the secret file (0600) if it is absent. Returns true when it created one. */
export function ensureSecretFile(): boolean {
  const file = secretFile();
  if (fs.existsSync(file)) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  return true;
}
