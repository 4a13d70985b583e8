/** What an event's address may be: lower-case letters, digits and single hyphens between them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 100;

/**
 * An address made from an event's name and year: "Victory Day Parade" on 2025-05-09 gives
 * `victory-day-parade-2025`. Accents are dropped and anything else becomes a hyphen, so the
 * slug always matches SLUG_PATTERN; the year is not repeated when the name ends with it.
 */
export function eventSlug(name: string, date: string): string {
  const year = /^\d{4}/.exec(date)?.[0] ?? "";
  const base = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const withYear = !year || base.endsWith(year) ? base : base ? `${base}-${year}` : year;
  return withYear.slice(0, SLUG_MAX_LENGTH).replace(/-+$/, "") || "event";
}
