import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { resolveDatabaseFile } from "../sqlite";

/** Where a generated session secret is kept when BETTER_AUTH_SECRET is not set: beside the database. */
export const secretFile = () => path.join(path.dirname(resolveDatabaseFile()), ".auth-secret");

/** Creates the secret file (0600) if it is absent. Returns true when it created one. */
export function ensureSecretFile(): boolean {
  const file = secretFile();
  if (fs.existsSync(file)) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  return true;
}
