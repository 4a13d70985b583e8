import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Everything the suite writes: databases, server logs, backups. */
export const RELIABILITY_DIR = path.join(ROOT, "data", "reliability");
export const TEMPLATE_DB = path.join(RELIABILITY_DIR, "template.db");
export const EDITORS_FILE = path.join(RELIABILITY_DIR, "editors.json");
export const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/** `emails` are admins; `roles` names an account of each other role. */
export type Editors = {
  password: string;
  emails: string[];
  roles?: { editor: string; reviewer: string };
};
export const editors = (): Editors => JSON.parse(fs.readFileSync(EDITORS_FILE, "utf8"));
