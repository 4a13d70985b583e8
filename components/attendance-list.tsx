import type { AttendanceDTO } from "@/lib/data/dto";
import { CitationMarkers } from "./citation-markers";
import { Flag } from "./flag";
import { formatDay } from "./format";
import { DisagreeBadge, ClaimBadge, StatusBadge } from "./status-badge";
import { claimLabel, representedBy } from "@/lib/attendance/status";

export type AttendanceListProps = {
  entries: AttendanceDTO[];
  caption: string;
  /** The event has started: each row shows its outcome where a source reports one. */
  afterEvent?: boolean;
  /** Footnote number of each citation id, for print. */
  footnotes?: ReadonlyMap<number, number>;
};

/**
 * The attendee list: one table, laid out as a table from medium screens up and in print and
 * as a card per leader on phones (the `attendee-table` classes in app/globals.css). Each row
 * is in the page once, not again as a card: the rows are most of a list's weight.
 * Its flags refer to the drawings of `FlagSymbols`, which the page renders once for all its
 * lists (a past event has a list per outcome, and a country may be in two).
 * Its links are plain anchors, not next/link: a Link is a client component, rendered and
 * serialized per row of a list rendered per request. Cached lists run no
 * script at all (lib/cache/static-page.mjs), where a Link would be a plain anchor anyway.
 */
export function AttendanceList({
  entries,
  caption,
  footnotes,
  afterEvent = false,
}: AttendanceListProps) {
  return (
    <table className="attendee-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Leader</th>
          <th scope="col">Country or entity</th>
          <th scope="col">Status</th>
          <th scope="col">As of</th>
          <th scope="col">Citations</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id} id={`entry-${entry.id}`}>
            <th scope="row">
              <span>
                <Flag code={entry.leader.countryCode} />
                <a href={`/attendance/${entry.id}`}>{entry.leader.name}</a>
              </span>
              <div>{entry.leader.office}</div>
              {entry.representative && (
                <div className="status-qualifier">
                  {claimLabel(afterEvent ? entry : { status: entry.status })}:{" "}
                  {representedBy(entry.representative)}
                </div>
              )}
            </th>
            <td>{entry.leader.polity}</td>
            <td>
              {afterEvent ? (
                <ClaimBadge status={entry.status} outcome={entry.outcome} />
              ) : (
                <StatusBadge status={entry.status} />
              )}
              {entry.sourcesDisagree && (
                <>
                  {" "}
                  <DisagreeBadge />
                </>
              )}
              {entry.stepNote && <span className="status-qualifier">{entry.stepNote}</span>}
            </td>
            <td>{entry.asOf ? formatDay(entry.asOf) : "—"}</td>
            <td>
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
  );
}
