import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { z } from "zod";
import { ATTENDANCE_OUTCOMES, ATTENDANCE_STATUSES } from "@/lib/attendance/status";
import { authSecret } from "@/lib/env";
import { isIsoCountryCode } from "@/lib/geo/iso-3166";
import type { AcceptedRow } from "./import-types";

/** A dry run's rows can be applied for a day; after that the editor runs it again. */
const TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

const acceptedRowSchema = z.object({
  row: z.number().int().positive(),
  leader: z.union([
    z.object({ id: z.number().int().positive() }).strict(),
    z
      .object({
        name: z.string().min(1).max(200),
        office: z.string().min(1).max(200),
        polity: z.string().min(1).max(200),
        // Absent from a dry run signed before new leaders had codes.
        countryCode: z
          .string()
          .refine(isIsoCountryCode)
          .nullable()
          .optional()
          .transform((code) => code ?? null),
      })
      .strict(),
  ]),
  status: z.enum(ATTENDANCE_STATUSES),
  outcome: z.enum(ATTENDANCE_OUTCOMES).nullable(),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  note: z.string().max(2000),
  sourceId: z.number().int().positive(),
  quote: z.string().min(1).max(5000),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

const payloadSchema = z.object({
  eventId: z.number().int().positive(),
  editorId: z.string(),
  issuedAt: z.number(),
  rows: z.array(acceptedRowSchema).max(20_000),
});

const sign = (body: string) =>
  createHmac("sha256", authSecret()).update(`rollcall-import:${body}`).digest("base64url");

/**
 * The accepted rows of a dry run, signed for one editor and one event: the apply form carries
 * it, so the apply writes exactly the rows the dry run showed and nothing an edited form adds.
 */
export function signImport(eventId: number, editorId: string, rows: AcceptedRow[]): string {
  const body = gzipSync(JSON.stringify({ eventId, editorId, issuedAt: Date.now(), rows })).toString(
    "base64url",
  );
  return `${body}.${sign(body)}`;
}

/** The rows of a token this site signed for this editor and event, or why it cannot be used. */
export function readImportToken(
  token: string,
  eventId: number,
  editorId: string,
): { ok: true; rows: AcceptedRow[] } | { ok: false; message: string } {
  const again = "Run the dry run again and apply from its page. Nothing was saved.";
  const [body, mac] = token.split(".");
  if (!body || !mac)
    return { ok: false, message: `This import is not one this site prepared. ${again}` };
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, message: `This import is not one this site prepared. ${again}` };
  let parsed;
  try {
    parsed = payloadSchema.safeParse(
      JSON.parse(gunzipSync(Buffer.from(body, "base64url")).toString("utf8")),
    );
  } catch {
    return { ok: false, message: `This import could not be read. ${again}` };
  }
  if (!parsed.success) return { ok: false, message: `This import could not be read. ${again}` };
  const payload = parsed.data;
  if (payload.eventId !== eventId || payload.editorId !== editorId)
    return {
      ok: false,
      message: `This dry run was for another event or another account. ${again}`,
    };
  if (Date.now() - payload.issuedAt > TOKEN_LIFETIME_MS)
    return { ok: false, message: `This dry run is more than a day old. ${again}` };
  return { ok: true, rows: payload.rows };
}
