import { z } from "zod";
import { characterCount } from "@/lib/text/cut";
import {
  httpUrlField,
  optionalDateField,
  optionalTextField,
  textField,
  wellFormed,
} from "./fields";

/** A generous bound: long reports and transcripts fit; a pasted book does not. */
export const MAX_SOURCE_TEXT_LENGTH = 500_000;

export const sourceFormSchema = z.object({
  title: textField("The title", 300),
  publisher: textField("The publisher", 200),
  url: httpUrlField,
  publishedOn: optionalDateField("The publication date"),
  dateNote: optionalTextField("The note on the date", 500),
  language: z
    .string()
    .trim()
    .max(35, "The language can have at most 35 characters.")
    .refine(
      (v) => v === "" || /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(v),
      "Give the language as a tag like en, fr or pt-BR, or leave it empty.",
    )
    .optional()
    .default(""),
  /**
   * The page fetched for this text (a SourceSnapshot's id), kept with the version it makes.
   * Not the editor's to type: one that names no fetched page is ignored (the data layer checks).
   */
  snapshotId: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  /** The day the publisher changed the text, for a new text (optional). */
  textChangedOn: optionalDateField("The day the publisher changed the text"),
  // Kept verbatim (not trimmed): citation offsets index into exactly this text.
  text: z
    .string({ error: "Paste the text of the source." })
    .refine((v) => v.trim().length > 0, "Paste the text of the source.")
    .refine(
      // In characters, as every other limit counts (zod's max does): an emoji is one.
      (v) => characterCount(v) <= MAX_SOURCE_TEXT_LENGTH,
      `The text can have at most ${MAX_SOURCE_TEXT_LENGTH.toLocaleString("en")} characters.`,
    )
    .refine((v) => !v.includes("\u0000"), "The text contains NUL characters; remove them.")
    .refine(wellFormed("The text").check, wellFormed("The text").message)
    .transform((v) => v.replace(/\r\n?/g, "\n")),
});

export type SourceInput = Omit<
  z.output<typeof sourceFormSchema>,
  "textChangedOn" | "language" | "snapshotId"
> & {
  textChangedOn?: string | null;
  language?: string;
  snapshotId?: number;
};

/** "Fetch" and "Fetch again": the page's address is all they read of the form. */
export const sourceFetchSchema = z.object({ fetchUrl: httpUrlField });
