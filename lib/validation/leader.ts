import { z } from "zod";
import { searchKey } from "@/lib/text/search-key";
import { leaderSchema } from "./attendance";

export const MAX_ALIASES = 20;

/**
 * Other spellings, one a line in the form. Blank lines and repeats (accents and case
 * aside) are dropped; each is checked like a name.
 */
const aliasesField = z
  .string()
  .max(5_000, "The aliases can have at most 5000 characters.")
  .optional()
  .transform((v) => (v ?? "").split(/\r?\n/).map((line) => line.trim().replace(/\s+/g, " ")))
  .transform((lines) => {
    const seen = new Set<string>();
    return lines.filter((line) => {
      const key = searchKey(line);
      if (!line || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  })
  .pipe(
    z
      .array(
        z
          .string()
          .max(200, "An alias can have at most 200 characters.")
          .refine((v) => !/[\u0000-\u001F\u007F]/.test(v), {
            message: "An alias contains invisible control characters; remove them.",
          }),
      )
      .max(MAX_ALIASES, `A leader can have at most ${MAX_ALIASES} aliases.`),
  );

/** A Wikidata item id: Q and digits, as in https://www.wikidata.org/wiki/Q312. */
export const WIKIDATA_ID_PATTERN = /^Q[1-9][0-9]{0,11}$/;

const wikidataIdField = z
  .string()
  .trim()
  .toUpperCase()
  // An editor may paste the item's address: keep its id.
  .transform(
    (v) => /^HTTPS?:\/\/(?:M\.|WWW\.)?WIKIDATA\.ORG\/(?:WIKI|ENTITY)\/(Q\d+)\/?$/.exec(v)?.[1] ?? v,
  )
  .refine((v) => v === "" || WIKIDATA_ID_PATTERN.test(v), {
    message: "A Wikidata id is Q followed by digits, such as Q312; or leave it empty.",
  })
  .optional()
  .transform((v) => (v ? v : null));

/** The leader's own form (edit, and create under /admin/leaders/new). */
export const leaderEditSchema = leaderSchema.extend({
  aliases: aliasesField,
  wikidataId: wikidataIdField,
  // Ticked after the form warned that a leader of that name exists.
  confirmDuplicate: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});

export type LeaderEditInput = z.output<typeof leaderEditSchema>;

/** The merge form: the other record, whose entries move to this one before it is removed. */
export const leaderMergeSchema = z.object({
  otherId: z
    .string({ error: "Choose the record to merge into this one." })
    .trim()
    .regex(/^[1-9][0-9]{0,15}$/, "Choose the record to merge into this one.")
    .transform(Number),
});
