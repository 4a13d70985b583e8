import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ServerActionDoor } from "./registry";
import { ROOT } from "./paths";
/** Where requests go: a server, or the proxy in front of several. */
type Target = { url: string; origin: string };

const require = createRequire(import.meta.url);
/** React's own encoder of server-action arguments, as Next ships it to the browser. */
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** Server actions of the build: `lib/actions/x.ts#name` → the id a form posts in Next-Action. */
export function buildActions(): Map<string, string> {
  const file = path.join(ROOT, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  return new Map(
    Object.entries(manifest.node).map(([id, a]) => [`${a.filename}#${a.exportedName}`, id]),
  );
}

const actionIds = buildActions();

export function actionId(door: Pick<ServerActionDoor, "module" | "exportName">) {
  const id = actionIds.get(`lib/actions/${door.module}.ts#${door.exportName}`);
  if (!id) throw new Error(`${door.module}#${door.exportName} is not in the build's manifest`);
  return id;
}

/** Signs in through Better Auth's endpoint; returns the session cookie ("name=value"). */
/**
 * Signs in as the form does. A 503 with Retry-After (many sign-ins from one address at once) is
 * retried after the time it names, a few times, as an editor told "try again in 1 second" would.
 */
export async function signIn(server: Target, email: string, password: string) {
  let response: Response;
  for (let attempt = 1; ; attempt++) {
    response = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: server.origin, "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    const retryAfter = Number(response.headers.get("retry-after"));
    if (response.status !== 503 || !retryAfter || attempt === 5) break;
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
  }
  const cookie = sessionCookie(response);
  if (response.status !== 200 || !cookie) {
    throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  }
  return cookie;
}

export function sessionCookie(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("better-auth.session_token=") && !c.endsWith("="));
}

export type FormEntries = [string, string | Blob][];

/** What the form's state was after the action, or where it sent the browser. */
export type ActionResponse = {
  status: number;
  /** The path of a `redirect()` from the action (success), if any. */
  redirect?: string;
  /** The action's return value (the form state), if it returned one. */
  state?: unknown;
  /** The action threw (React's error row). */
  thrown?: boolean;
  /** Set-Cookie headers. */
  cookies: string[];
  body: string;
  ms: number;
};

/**
 * Posts a server action as the browser does: `Next-Action: <id>`, the arguments encoded by
 * React (bound arguments, the form's previous state, the FormData), to the page of the form.
 * `origin: null` sends the literal `Origin: null`; undefined sends none.
 */
export async function callAction(
  server: Target,
  door: Pick<ServerActionDoor, "module" | "exportName" | "withState">,
  options: {
    page: string;
    bound?: unknown[];
    fields: FormEntries | Record<string, string>;
    cookie?: string;
    origin?: string | null;
    previousState?: unknown;
    headers?: Record<string, string>;
    /**
     * What the form argument is: FormData, as a browser sends it, or a Map of the same
     * fields (both have `get` and `entries`; React encodes a Map as it is, lone surrogates
     * included, where FormData makes every value well-formed).
     */
    formType?: "FormData" | "Map";
    /** Sent instead of the form, whatever it is (a forged request). */
    formValue?: unknown;
  },
): Promise<ActionResponse> {
  const entries = Array.isArray(options.fields) ? options.fields : Object.entries(options.fields);
  let form: unknown;
  if ("formValue" in options) form = options.formValue;
  else if (options.formType === "Map") form = new Map(entries);
  else {
    const formData = new FormData();
    for (const [key, value] of entries) formData.append(key, value);
    form = formData;
  }
  const args = [
    ...(options.bound ?? []),
    ...(door.withState ? [options.previousState ?? {}] : []),
    form,
  ];
  const headers: Record<string, string> = {
    "next-action": actionId(door),
    accept: "text/x-component",
  };
  if (options.origin !== undefined) headers.origin = options.origin ?? "null";
  if (options.cookie) headers.cookie = options.cookie;
  Object.assign(headers, options.headers);
  const started = performance.now();
  const response = await fetch(`${server.url}${options.page}`, {
    method: "POST",
    headers,
    body: await encodeReply(args),
    redirect: "manual",
  });
  const buffer = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - started;
  const redirect = response.headers.get("x-action-redirect")?.split(";")[0];
  const result: ActionResponse = {
    status: response.status,
    cookies: response.headers.getSetCookie(),
    body: buffer.toString("utf8"),
    ms,
  };
  if (redirect) return { ...result, redirect };
  if (!(response.headers.get("content-type") ?? "").includes("text/x-component")) return result;
  const { value, thrown } = actionResult(buffer);
  return { ...result, state: value, thrown };
}

/**
 * The action's return value from a React Server Components payload: rows `<id>:<json>\n`, or
 * `<id>:T<byte length hex>,<text>` for long strings; row 0 names the result's row (`"a":"$@1"`).
 */
export function actionResult(payload: Buffer): { value?: unknown; thrown: boolean } {
  const rows = new Map<string, { tag: string; data: string }>();
  let at = 0;
  while (at < payload.length) {
    const colon = payload.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = payload.subarray(at, colon).toString();
    at = colon + 1;
    if (payload[at] === 0x54 /* T */) {
      const comma = payload.indexOf(0x2c, at);
      const length = parseInt(payload.subarray(at + 1, comma).toString(), 16);
      rows.set(id, { tag: "T", data: payload.subarray(comma + 1, comma + 1 + length).toString() });
      at = comma + 1 + length;
      continue;
    }
    const end = payload.indexOf(0x0a, at);
    const line = payload.subarray(at, end < 0 ? payload.length : end).toString();
    at = end < 0 ? payload.length : end + 1;
    const tagged = /^([A-Z])(.*)$/s.exec(line);
    rows.set(id, tagged ? { tag: tagged[1]!, data: tagged[2]! } : { tag: "", data: line });
  }
  const root = rows.get("0");
  if (!root) return { thrown: false };
  const ref = /^\$@([0-9a-f]+)$/.exec((JSON.parse(root.data) as { a?: string }).a ?? "")?.[1];
  const row = ref ? rows.get(ref) : undefined;
  if (!row) return { thrown: false };
  if (row.tag === "E") return { thrown: true };
  const resolve = (v: unknown): unknown => {
    if (typeof v === "string") {
      if (v.startsWith("$$")) return v.slice(1);
      const text = /^\$([0-9a-f]+)$/.exec(v)?.[1];
      if (text && rows.get(text)?.tag === "T") return rows.get(text)!.data;
      return v;
    }
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  return { value: resolve(JSON.parse(row.data)), thrown: false };
}

/** Runs `tasks` with at most `concurrency` at a time; results in order. */
export async function pool<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}
