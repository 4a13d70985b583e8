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

export type SourceInput = Omit<z.output<typeof sourceFormSchema>, "textChangedOn"> & {
  textChangedOn?: string | null;
};
