import { z } from "zod";

/**
 * For text that did not come through a form (which repairs it, see form-data.ts): a lone
 * surrogate is refused, since the database cannot store it as it is.
 */
export const wellFormed = (label: string) => ({
  check: (v: string) => v.isWellFormed(),
  message: `${label} contains a broken character (a lone UTF-16 surrogate); type or paste it again.`,
});

/**
 * Trimmed text with a length bound; control characters other than newlines/tabs are refused.
 * The bound counts characters as a person does, one a code point (zod's `max` counts so): 2000
 * emoji fit a 2000-character note, though they are 4000 UTF-16 units. Nothing here cuts text
 * to fit; text cut for display goes through lib/text/cut.ts, which never splits a character.
 */
export const textField = (label: string, max: number, { min = 1 } = {}) =>
  z
    .string({ error: `${label} is missing.` })
    .trim()
    .min(
      min,
      min === 1 ? `Enter ${label.toLowerCase()}.` : `${label} needs at least ${min} characters.`,
    )
    .max(max, `${label} can have at most ${max} characters.`)
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), {
      message: `${label} contains invisible control characters; remove them.`,
    })
    .refine(wellFormed(label).check, wellFormed(label).message);

export const optionalTextField = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label} can have at most ${max} characters.`)
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), {
      message: `${label} contains invisible control characters; remove them.`,
    })
    .refine(wellFormed(label).check, wellFormed(label).message)
    .transform((v) => v.trim())
    .optional()
    .default("");

/** A calendar date YYYY-MM-DD between 1900 and 2200, or empty for none. */
export const optionalDateField = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(
      z.iso
        .date({ error: `${label} must be a date like 2025-04-12.` })
        .refine(
          (v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || (v >= "1900-01-01" && v <= "2200-12-31"),
          `${label} must be between 1900 and 2200.`,
        )
        .nullable(),
    );

export const versionField = z.coerce
  .number({ error: "The form is missing its version; reload the page." })
  .int()
  .min(1, "The form's version is not valid; reload the page.")
  .max(1_000_000_000);

/**
 * A URL's host: a domain name, or an IP address (IPv6 in brackets, as a URL writes it). Which
 * addresses Rollcall will fetch from is the fetcher's rule (lib/fetch-source/address-guard.ts).
 */
const HOST = new RegExp(
  `${z.regexes.domain.source}|${z.regexes.ipv4.source}|^\\[[0-9a-fA-F:.]+\\]$`,
);

const HTTP_URL_MESSAGE = "Enter a web address that starts with http:// or https://.";

/** An http(s) URL; other schemes (javascript:, data:, file:) are refused. */
export const httpUrlField = z
  // Missing from a forged form (or a file in its place): zod's own message is for developers.
  .string({ error: HTTP_URL_MESSAGE })
  .trim()
  .max(2000, "The address can have at most 2000 characters.")
  // The URL parser accepts (and percent-encodes) them, but the string is stored as typed.
  .refine((v) => !/[\u0000-\u001F\u007F]/.test(v), {
    message: "The address contains invisible control characters; remove them.",
  })
  .pipe(
    z.url({
      protocol: /^https?$/,
      hostname: HOST,
      error: HTTP_URL_MESSAGE,
    }),
  );
