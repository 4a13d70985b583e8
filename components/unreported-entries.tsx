import Link from "next/link";
import type { UnreportedEntryDTO } from "@/lib/data/attendance";
import { countOf } from "@/lib/text/plural";
import { formatDay } from "./format";

export type UnreportedEntriesProps = {
  entries: UnreportedEntryDTO[];
  /** The list's day (ISO). */
  day: string;
};

/**
 * What a past day's list leaves out: the leaders with no report by that day, counted, and
 * named behind a disclosure (which opens without JavaScript too), each linking to the entry.
 */
export function UnreportedEntries({ entries, day }: UnreportedEntriesProps) {
  if (entries.length === 0) return null;
  const more =
    entries.length === 1 ? "1 more leader has" : `${countOf(entries.length, "more leader")} have`;
  return (
    <details className="text-sm text-slate-700 dark:text-slate-300">
      <summary className="cursor-pointer">
        {more} no report by <time dateTime={day}>{formatDay(day)}</time>.{" "}
        <span className="underline underline-offset-2">Show them</span>
      </summary>
      <ul aria-label="Leaders with no report by that day" className="mt-2 list-disc pl-5">
        {entries.map((entry) => (
          <li key={entry.id}>
            <Link href={`/attendance/${entry.id}`}>{entry.leader}</Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
