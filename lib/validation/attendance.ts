import { z } from "zod";
import { sourceFieldValue } from "@/lib/sources/source-choice";
import { ATTENDANCE_STATUSES } from "@/lib/attendance/status";
import { isIsoCountryCode } from "@/lib/geo/iso-3166";
import { indexedToArray } from "./form-data";
import {
  optionalDateField,
  optionalTextField,
  textField,
  versionField,
  wellFormed,
} from "./fields";
import { idSchema } from "./id";

export const MAX_CITATIONS = 20;
export const MAX_QUOTE_LENGTH = 5_000;

export const countryCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isIsoCountryCode(v), {
    message: "Use an ISO 3166-1 two-letter country code such as VE or BA, or leave it empty.",
  });

export const leaderSchema = z.object({
  name: textField("Name", 200),
  office: textField("Office", 200),
  polity: textField("Country or entity", 200),
  countryCode: countryCodeField,
});

export const citationInputSchema = z.object({
  // An id, or the name the source picker sends without JavaScript ("Title — Publisher (#5)");
  // words that name no source count as no choice ("Choose the source.").
  sourceId: z
    .preprocess(sourceFieldValue, idSchema.or(z.literal("").transform(() => null)))
    .nullable()
    .default(null),
  quote: z
    .string()
    .max(MAX_QUOTE_LENGTH, `A quote can have at most ${MAX_QUOTE_LENGTH} characters.`)
    .refine(wellFormed("The quote").check, wellFormed("The quote").message)
    .default(""),
  /**
   * Where the quote starts in the source (a selection in the source panel, or the place chosen
   * among several): settles a quote found more than once. Anything but an offset is ignored.
   */
  start: z.preprocess(
    (v) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : undefined),
    z.number().int().min(0).optional(),
  ),
});

const citationsField = z.preprocess(
  (value) =>
    indexedToArray(value).filter(
      (row) =>
        typeof row === "object" &&
        row !== null &&
        Object.values(row).some((v) => typeof v === "string" && v.trim() !== ""),
    ),
  z
    .array(citationInputSchema)
    .min(1, "Add at least one citation: a source and the exact words that support the status.")
    .max(MAX_CITATIONS, `A step can have at most ${MAX_CITATIONS} citations.`),
);

type CitationRows = z.infer<typeof citationInputSchema>[];

function checkCitations(citations: CitationRows, ctx: z.RefinementCtx) {
  citations.forEach((c, i) => {
    if (c.sourceId === null)
      ctx.addIssue({
        code: "custom",
        path: ["citations", i, "sourceId"],
        message: "Choose the source.",
      });
    if (!c.quote.trim())
      ctx.addIssue({
        code: "custom",
        path: ["citations", i, "quote"],
        message: "Paste the exact words from the source.",
      });
  });
}

const cleanCitations = (citations: CitationRows) =>
  citations.map((c) => ({
    sourceId: c.sourceId ?? 0,
    quote: c.quote.trim(),
    ...(c.start === undefined ? {} : { start: c.start }),
  }));

const stepStatusField = z.enum(ATTENDANCE_STATUSES, {
  error: "Choose confirmed, reported or declined.",
});

/**
 * A step of an entry's story, as the step form sends it: a status, the date the source asserts
 * it, a note, and the citations that support it (anchored in the data layer).
 */
export const stepFormSchema = z
  .object({
    status: stepStatusField,
    asOf: optionalDateField("The as-of date"),
    note: optionalTextField("The note", 2_000),
    citations: citationsField,
  })
  .superRefine((value, ctx) => checkCitations(value.citations, ctx))
  .transform((value) => ({ ...value, citations: cleanCitations(value.citations) }));

export type StepInput = z.output<typeof stepFormSchema>;

type LeaderChoice = { id: number } | { create: z.infer<typeof leaderSchema> };

/** The entry form's leader: an existing one (leaderId) or the fields of a new one (leader.*). */
function parseLeader(
  value: { leaderMode: "existing" | "new"; leaderId?: string; leader?: unknown },
  ctx: z.RefinementCtx,
): LeaderChoice | null {
  if (value.leaderMode === "existing") {
    const id = idSchema.safeParse(value.leaderId);
    if (!id.success) {
      ctx.addIssue({
        code: "custom",
        path: ["leaderId"],
        message: "Choose a leader, or create a new one.",
      });
      return null;
    }
    return { id: id.data };
  }
  // Not an object only in a forged form: then each field is reported missing.
  const fields = typeof value.leader === "object" && value.leader !== null ? value.leader : {};
  const parsed = leaderSchema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      ctx.addIssue({ ...issue, path: ["leader", ...issue.path] });
    return null;
  }
  return { create: parsed.data };
}

const entryFields = {
  eventId: idSchema,
  // Two radio buttons: anything else is a forged form, treated as the default.
  leaderMode: z.enum(["existing", "new"]).catch("existing"),
  leaderId: z.string().optional(),
  leader: z.unknown().optional(),
  note: optionalTextField("The note", 2_000),
};

/**
 * The entry form when editing: the event, the leader and the entry's note. Its story is edited
 * step by step (stepFormSchema).
 */
export const entryFormSchema = z.object(entryFields).transform((value, ctx) => {
  const leader = parseLeader(value, ctx);
  if (!leader) return z.NEVER;
  return { eventId: value.eventId, leader, note: value.note };
});

export type EntryInput = z.output<typeof entryFormSchema>;

/**
 * The new-entry form: the entry and its first step. The leader is either an existing one
 * (leaderId) or a new one (leader.*). Citation rows left entirely empty are dropped; at least one must remain. Anchoring the
 * quotes needs the source texts, so it happens in the data layer.
 */
export const attendanceFormSchema = z
  .object({
    ...entryFields,
    status: stepStatusField,
    asOf: optionalDateField("The as-of date"),
    citations: citationsField,
  })
  .transform((value, ctx) => {
    const leader = parseLeader(value, ctx);
    if (!leader) return z.NEVER;
    checkCitations(value.citations, ctx);
    return {
      eventId: value.eventId,
      leader,
      status: value.status,
      asOf: value.asOf,
      note: value.note,
      citations: cleanCitations(value.citations),
    };
  });

export type AttendanceInput = z.output<typeof attendanceFormSchema>;

export const attendanceUpdateSchema = z.object({ version: versionField });
