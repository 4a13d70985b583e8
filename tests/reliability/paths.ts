import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Everything the suite writes: databases, server logs, backups. */
export const RELIABILITY_DIR = path.join(ROOT, "data", "reliability");
export const TEMPLATE_DB = path.join(RELIABILITY_DIR, "template.db");
export const EDITORS_FILE = path.join(RELIABILITY_DIR, "editors.json");
/**
 * The suite's `next dev` builds here (NEXT_DIST_DIR), never in the app's .next/dev: a
 * developer's `npm run dev` after `npm test` starts from its own state, not from the cache of
 * a dev server the tests ran under load and stopped. Emptied with the suite's folder when the
 * suite starts; its type folders are in tsconfig.json's include, so Next leaves the file be.
 */
export const DEV_DIST_DIR = path.relative(ROOT, path.join(RELIABILITY_DIR, "next"));
export const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

/** `emails` are admins; `roles` names an account of each other role. */
export type Editors = {
  password: string;
  emails: string[];
  roles?: { editor: string; reviewer: string };
};
export const editors = (): Editors => JSON.parse(fs.readFileSync(EDITORS_FILE, "utf8"));
