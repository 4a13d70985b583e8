import fs from "node:fs";
import path from "node:path";
import { ROOT, type Editors } from "../reliability/paths";

/** Everything the suite writes: server and nginx logs, nginx's configuration and prefix. */
export const SCALEOUT_DIR = path.join(ROOT, "data", "scaleout");
export const STATE_FILE = path.join(SCALEOUT_DIR, "state.json");

/** What global-setup.ts prepared for the specs. */
export type State = { databaseUrl: string; redisUrl: string; nginx: string; editors: Editors };
export const state = (): State => JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
