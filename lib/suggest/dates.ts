/**
 * The as-of day of a claim: a day a sentence attaches to a statement ("said on Friday"),
 * else the report's dateline ("MOSCOW, May 9 (Reuters) -"), else its publication day.
 */
import { SPEECH } from "./rules";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const DAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|${MONTH}\s+\d{1,2})`;

const DATELINE = new RegExp(
  String.raw`^\s*[A-Z][A-Z .'’-]+(?:,\s*[A-Za-z .]+)?,\s+(${MONTH})\s+(\d{1,2})\b`,
);
const SPOKEN_DAY = new RegExp(
  String.raw`\b${SPEECH}\s+(?:on\s+)?(${DAY})\b|\bon\s+(${DAY}),?\s+(?:said|told|announced|confirmed)\b`,
  "u",
);

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(".", "");
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)));
}

/** A "Month D" in the year of `reference`, moved a year back when it would lie far after it. */
function monthDay(month: string, day: string, reference: string): string | null {
  const m = monthIndex(month);
  const d = Number(day);
  if (m < 0 || d < 1 || d > 31) return null;
  let year = Number(reference.slice(0, 4));
  const date = new Date(Date.UTC(year, m, d));
  if (date.getTime() - utc(reference).getTime() > 31 * 86_400_000) year--;
  return iso(new Date(Date.UTC(year, m, d)));
}

/** The report's day: its dateline read against the publication day (or `fallback`'s year). */
export function reportDay(
  text: string,
  publishedOn: string | null,
  fallback: string,
): string | null {
  const match = DATELINE.exec(text.slice(0, 200));
  if (match) return monthDay(match[1]!, match[2]!, publishedOn ?? fallback);
  return publishedOn;
}

/**
 * A day named in the sentence as when something was said, resolved against `reference` (the
 * report's day). Without one, only a month and day can be read, in the year of `yearOf`.
 */
export function spokenDay(
  sentence: string,
  reference: string | null,
  yearOf: string,
): string | null {
  const match = SPOKEN_DAY.exec(sentence);
  const word = match?.[1] ?? match?.[2];
  if (!word) return null;
  if (!reference) {
    const [month, day] = word.split(/\s+/);
    return day ? monthDay(month!, day, yearOf) : null;
  }
  const lower = word.toLowerCase();
  const ref = utc(reference);
  if (lower === "today") return reference;
  if (lower === "yesterday") return iso(new Date(ref.getTime() - 86_400_000));
  const weekday = WEEKDAYS.indexOf(lower);
  if (weekday >= 0) {
    // News tells a statement's day as the latest such weekday up to the report's day.
    const back = (ref.getUTCDay() - weekday + 7) % 7;
    return iso(new Date(ref.getTime() - back * 86_400_000));
  }
  const [month, day] = word.split(/\s+/);
  return monthDay(month!, day!, reference);
}
