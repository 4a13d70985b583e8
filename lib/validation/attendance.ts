import { z } from "zod";
import { sourceFieldValue } from "@/lib/sources/source-choice";
import {
  ATTENDANCE_OUTCOMES,
  ATTENDANCE_STATUSES,
  PLAN_OF_OUTCOME,
  isAttendanceOutcome,
  type AttendanceOutcome,
  type AttendanceStatus,
} from "@/lib/attendance/status";
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

/**
 * The step's claim, one choice of the form's `status`: a plan (confirmed, reported, declined)
 * or, after the event, an outcome (attended, partly attended, did not attend). An outcome step
 * is stored with the outcome and a placeholder status that syncStory replaces with the plan
 * it carries.
 */
const stepStatusField = z
  .enum([...ATTENDANCE_STATUSES, ...ATTENDANCE_OUTCOMES], {
    error:
      "Choose confirmed, reported or declined; or, after the event, attended, partly attended or did not attend.",
  })
  .transform((v): { status: AttendanceStatus; outcome: AttendanceOutcome | null } =>
    isAttendanceOutcome(v)
      ? { status: PLAN_OF_OUTCOME[v], outcome: v }
      : { status: v as AttendanceStatus, outcome: null },
  );

/** Who represented the leader: a leader's id, or empty for no one. */
const representativeField = z
  .union([idSchema, z.literal("").transform(() => null)], {
    error: "Choose who represented them from the list, or leave it empty.",
  })
  .optional()
  .transform((v) => v ?? null);

/** Ticked when the editor saves a date the guards questioned (lib/attendance/date-guards.ts). */
const confirmDatesField = z
  .unknown()
  .optional()
  .transform((v) => v === "yes");

/**
 * A step of an entry's story, as the step form sends it: a status, the date the source asserts
 * it, a note, and the citations that support it (anchored in the data layer).
 */
export const stepFormSchema = z
  .object({
    status: stepStatusField,
    representativeId: representativeField,
    asOf: optionalDateField("The as-of date"),
    note: optionalTextField("The note", 2_000),
    citations: citationsField,
    confirmDates: confirmDatesField,
  })
  .superRefine((value, ctx) => checkCitations(value.citations, ctx))
  .transform((value) => ({
    ...value,
    status: value.status.status,
    outcome: value.status.outcome,
    citations: cleanCitations(value.citations),
  }));

/** A step as the data layer takes it: what is new since steps had only a status may be left out. */
export type StepInput = Omit<
  z.output<typeof stepFormSchema>,
  "outcome" | "representativeId" | "confirmDates"
> &
  Partial<Pick<z.output<typeof stepFormSchema>, "outcome" | "representativeId" | "confirmDates">>;

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
    representativeId: representativeField,
    asOf: optionalDateField("The as-of date"),
    stepNote: optionalTextField("The note on the status", 2_000),
    citations: citationsField,
    confirmDates: confirmDatesField,
  })
  .transform((value, ctx) => {
    const leader = parseLeader(value, ctx);
    if (!leader) return z.NEVER;
    checkCitations(value.citations, ctx);
    return {
      eventId: value.eventId,
      leader,
      status: value.status.status,
      outcome: value.status.outcome,
      representativeId: value.representativeId,
      asOf: value.asOf,
      note: value.note,
      stepNote: value.stepNote,
      citations: cleanCitations(value.citations),
      confirmDates: value.confirmDates,
    };
  });

/** The new-entry form as the data layer takes it (the first step's newer fields optional). */
export type AttendanceInput = Omit<
  z.output<typeof attendanceFormSchema>,
  "outcome" | "representativeId" | "confirmDates" | "stepNote"
> &
  Partial<
    Pick<
      z.output<typeof attendanceFormSchema>,
      "outcome" | "representativeId" | "confirmDates" | "stepNote"
    >
  >;

export const attendanceUpdateSchema = z.object({ version: versionField });
