import { StatusBadge } from "@/components/status-badge";
import type { AdminAttendanceRow } from "@/lib/data/dto";
import { formatDay } from "@/lib/text/format-day";

export type EntryRowsProps = {
  rows: readonly AdminAttendanceRow[];
  /** The link to an entry's admin page: "Edit", or "Open" for a role that may only read it. */
  open: "Edit" | "Open";
};

/**
 * The admin list's rows, rendered by React so every value an editor typed is escaped by
 * construction. Plain anchors rather than `Link`: a `Link` is a client component, and fifty
 * rows of them weigh on the page's payload for no gain on a list that is read, then left.
 */
export function EntryRows({ rows, open }: EntryRowsProps) {
  return rows.map((row) => {
    const what = `${row.leader} at ${row.event.name}`;
    return (
      <tr key={row.id}>
        <th scope="row">
          <a href={`/admin/entries/${row.id}`}>
            <strong>{row.leader}</strong>
          </a>
          <div>{`${row.office}, ${row.polity}`}</div>
        </th>
        <td>
          {row.event.name}
          <div>{formatDay(row.event.date)}</div>
        </td>
        <td>
          <StatusBadge status={row.status} />
        </td>
        <td>{row.asOf ? formatDay(row.asOf) : "—"}</td>
        <td>{row.citationCount}</td>
        <td>
          <a href={`/admin/entries/${row.id}`} aria-label={`${open} ${what}`}>
            {open}
          </a>
          {" · "}
          <a href={`/attendance/${row.id}`} aria-label={`View ${what}`}>
            View
          </a>
        </td>
      </tr>
    );
  });
}
