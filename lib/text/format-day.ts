const longDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "9 May 2025" for a YYYY-MM-DD date (read as a calendar day, not a moment). */
export function formatDay(isoDate: string): string {
  return longDate.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/**
 * An event's days: "9 May 2025" for one day, "31 August – 1 September 2025" for a range (the
 * year once when both days share it).
 */
export function formatDayRange(first: string, last: string): string {
  if (last <= first) return formatDay(first);
  const [a, b] = [formatDay(first), formatDay(last)];
  const year = first.slice(0, 4);
  const sameYear = year === last.slice(0, 4);
  const start = sameYear ? a.replace(` ${year}`, "") : a;
  const sameMonth = sameYear && first.slice(5, 7) === last.slice(5, 7);
  return `${sameMonth ? start.split(" ")[0] : start} – ${b}`;
}
