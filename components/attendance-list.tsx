import Link from "next/link";
import type { AttendanceDTO } from "@/lib/data/dto";
import { CitationMarkers } from "./citation-markers";
import { Flag, FlagSymbols } from "./flag";
import { formatDay } from "./format";
import { StatusBadge } from "./status-badge";

export type AttendanceListProps = {
  entries: AttendanceDTO[];
  caption: string;
  /** Footnote number of each citation id, for print. */
  footnotes?: ReadonlyMap<number, number>;
};

/** The attendee list: a table from medium screens up and in print, a list of cards on phones. */
export function AttendanceList({ entries, caption, footnotes }: AttendanceListProps) {
  return (
    <>
      <FlagSymbols codes={entries.map((entry) => entry.leader.countryCode)} />
      <table className="hidden w-full border-collapse text-left md:table print:table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
            <th scope="col" className="py-2 pr-4 font-medium">
              Leader
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Country or entity
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Status
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              As of
            </th>
            <th scope="col" className="py-2 font-medium">
              Citations
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.id}
              id={`entry-${entry.id}`}
              className="border-b border-slate-200 align-top dark:border-slate-800"
            >
              <th scope="row" className="py-3 pr-4 font-normal">
                <span className="flex items-center gap-2">
                  <Flag code={entry.leader.countryCode} />
                  <Link href={`/attendance/${entry.id}`} className="font-semibold hover:underline">
                    {entry.leader.name}
                  </Link>
                </span>
                <div className="text-sm text-slate-600 dark:text-slate-400">
                  {entry.leader.office}
                </div>
              </th>
              <td className="py-3 pr-4">{entry.leader.polity}</td>
              <td className="py-3 pr-4">
                <StatusBadge status={entry.status} />
              </td>
              <td className="py-3 pr-4 text-sm whitespace-nowrap">
                {entry.asOf ? formatDay(entry.asOf) : "—"}
              </td>
              <td className="py-3">
                <CitationMarkers
                  citations={entry.citations}
                  leaderName={entry.leader.name}
                  footnotes={footnotes}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <ul className="space-y-3 md:hidden print:hidden" aria-label={caption}>
        {entries.map((entry) => (
          <li
            key={entry.id}
            className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <span className="flex items-center gap-2">
                  <Flag code={entry.leader.countryCode} />
                  <Link href={`/attendance/${entry.id}`} className="font-semibold hover:underline">
                    {entry.leader.name}
                  </Link>
                </span>
                <div className="text-sm text-slate-600 dark:text-slate-400">
                  {entry.leader.office}, {entry.leader.polity}
                </div>
              </div>
              <StatusBadge status={entry.status} />
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
              <span>As of {entry.asOf ? formatDay(entry.asOf) : "—"}</span>
              <CitationMarkers
                citations={entry.citations}
                leaderName={entry.leader.name}
                footnotes={footnotes}
              />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
