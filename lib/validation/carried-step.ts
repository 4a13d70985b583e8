/**
 * A step typed into a form that was refused (the leader already has an entry for the event),
 * carried in the address of the link to where it can be saved: the existing entry's "Add a
 * step" form. Pure: written by the refused form, read back and checked by the entry's page.
 * Each field is checked on its own and one that fails is left empty, so a tampered address
 * fills in less, never something the step form would not accept as typed.
 */
import { z } from "zod";
import { ATTENDANCE_OUTCOMES, ATTENDANCE_STATUSES } from "@/lib/attendance/status";
import { MAX_CITATIONS, MAX_QUOTE_LENGTH } from "./attendance";
import { optionalDateField, optionalTextField } from "./fields";
import { idSchema } from "./id";

/** The step as a form holds it (strings as typed). */
export type CarriedStep = {
  status: string;
  asOf: string;
  note: string;
  citations: { sourceId: string; quote: string; start?: number }[];
};

const PREFIX = "step.";

/**
 * An address stays well under the 16 KB a request line may have on Node's server (its header
 * limit): citations past this many characters of query are left out.
 */
const MAX_QUERY_LENGTH = 8_000;

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/** The query string (without "?") that carries `values`, as a form's state holds them. */
export function carriedStepQuery(values: {
  status?: unknown;
  asOf?: unknown;
  note?: unknown;
  citations?: readonly { sourceId?: unknown; quote?: unknown; start?: unknown }[];
}): string {
  const query = new URLSearchParams();
  const set = (name: string, value: unknown) => {
    if (str(value)) query.set(PREFIX + name, str(value));
  };
  set("status", values.status);
  set("asOf", values.asOf);
  set("note", values.note);
  let n = 0;
  for (const c of values.citations ?? []) {
    if (n >= MAX_CITATIONS || !str(c.quote).trim()) continue;
    const row = new URLSearchParams(query);
    row.set(`${PREFIX}citations.${n}.sourceId`, str(c.sourceId));
    row.set(`${PREFIX}citations.${n}.quote`, str(c.quote));
    if (str(c.start)) row.set(`${PREFIX}citations.${n}.start`, str(c.start));
    if (row.toString().length > MAX_QUERY_LENGTH) break;
    for (const [k, v] of row) query.set(k, v);
    n++;
  }
  return query.toString();
}

// A plan or, after the event, an outcome: the step form's choices.
const statusField = z.enum([...ATTENDANCE_STATUSES, ...ATTENDANCE_OUTCOMES]);
const asOfField = optionalDateField("The as-of date");
const noteField = optionalTextField("The note", 2_000);
const quoteField = z
  .string()
  .trim()
  .min(1)
  .max(MAX_QUOTE_LENGTH)
  .refine((v) => v.isWellFormed());
const startField = z.coerce.number().int().min(0).max(999_999_999);

/** The carried step in a page's search params, checked field by field; null when none is. */
export function parseCarriedStep(
  params: Record<string, string | string[] | undefined>,
): CarriedStep | null {
  const get = (name: string) => {
    const v = params[PREFIX + name];
    return Array.isArray(v) ? v[0] : v;
  };
  const ok = <T>(schema: z.ZodType<T>, v: unknown): T | undefined => {
    const parsed = schema.safeParse(v);
    return parsed.success ? parsed.data : undefined;
  };
  const citations: CarriedStep["citations"] = [];
  for (let i = 0; i < MAX_CITATIONS; i++) {
    const quote = ok(quoteField, get(`citations.${i}.quote`));
    if (quote === undefined) break;
    const sourceId = ok(idSchema, get(`citations.${i}.sourceId`));
    const start = get(`citations.${i}.start`)
      ? ok(startField, get(`citations.${i}.start`))
      : undefined;
    citations.push({
      sourceId: sourceId === undefined ? "" : String(sourceId),
      quote,
      ...(start === undefined ? {} : { start }),
    });
  }
  const step = {
    status: ok(statusField, get("status")) ?? "",
    asOf: ok(asOfField, get("asOf")) ?? "",
    note: get("note") === undefined ? "" : (ok(noteField, get("note")) ?? ""),
    citations,
  };
  return step.status || step.asOf || step.note || citations.length > 0 ? step : null;
}
