import { STATUS_LABELS } from "@/lib/attendance/status";
import { statusBadgeClass } from "@/components/status-badge";
import { formatDay } from "@/lib/text/format-day";
import { html, type SafeHtml } from "@/lib/text/html";
import type { AdminAttendanceRow } from "@/lib/data/dto";

/**
 * The admin list's rows as markup, for app/admin/page.tsx to keep per database generation: 50
 * rows as React elements cost more than the rest of the page together (rendered for the RSC
 * payload, then again as HTML), and they change only when the data does. The markup the React
 * version gave (StatusBadge's classes, plain anchors); every value escaped by `html`. `open` names
 * the link to an entry's admin page: "Edit", or "Open" for a role that may only read it there.
 */
export function entryRowsHtml(
  rows: readonly AdminAttendanceRow[],
  open: "Edit" | "Open" = "Edit",
): SafeHtml {
  // One cell a line, and no space inside a cell: Prettier would format the markup, spaces and all.
  // prettier-ignore
  return html`${rows.map((row) => html`<tr>
<th scope="row"><a href="/admin/entries/${row.id}"><strong>${row.leader}</strong></a><div>${row.office}, ${row.polity}</div></th>
<td>${row.event.name}<div>${formatDay(row.event.date)}</div></td>
<td><span class="${statusBadgeClass(row.status)}">${STATUS_LABELS[row.status]}</span></td>
<td>${row.asOf ? formatDay(row.asOf) : "—"}</td>
<td>${row.citationCount}</td>
<td><a href="/admin/entries/${row.id}" aria-label="${open} ${row.leader} at ${row.event.name}">${open}</a> · <a href="/attendance/${row.id}" aria-label="View ${row.leader} at ${row.event.name}">View</a></td>
</tr>`)}`;
}
