import { Feed } from "feed";
import type { FeedItem } from "../history/feed-items";
import { escapeHtml, html, type SafeHtml } from "../text/html";
import { formatDay } from "../text/format-day";

export type AtomFeedInput = {
  /** The site's origin (no trailing slash): the `feed` library wants absolute links and ids. */
  site: string;
  /** The feed's own path, e.g. `/events/victory-day-parade-2025/feed.xml`. */
  self: string;
  /** The page the feed is the story of. */
  page: string;
  title: string;
  subtitle: string;
  items: FeedItem[];
  /** Entries that still exist; the others are linked to their history. */
  liveEntries: ReadonlySet<number>;
  /** When the feed has no item: the event's or the site's own date. */
  fallbackUpdated: Date;
};

/**
 * A tag URI (RFC 4151) for an item: its revision and step, which never change once written,
 * under the site's host. The year is the scheme's "date the name was minted"; fixed, so an id
 * never moves with the clock.
 */
export const itemId = (site: string, item: FeedItem) =>
  `tag:${new URL(site).hostname},2026:rollcall/revision/${item.revisionId}/step/${item.stepId}/${item.kind}`;

const entryPath = (item: FeedItem, live: ReadonlySet<number>) =>
  live.has(item.attendanceId)
    ? `/attendance/${item.attendanceId}`
    : `/changes?about=attendance-${item.attendanceId}`;

function supersededNote(item: FeedItem): SafeHtml | null {
  if (!item.superseded) return null;
  const when = formatDay(item.superseded.at.toISOString().slice(0, 10));
  const note =
    item.superseded.kind === "removed"
      ? `This step was removed on ${when}: it no longer stands.`
      : `This step was changed on ${when}: see the later item.`;
  return html`<p><strong>${note}</strong></p>`;
}

/** The item's text as HTML, every value escaped (lib/text/html.ts). */
function itemContent(item: FeedItem, site: string, live: ReadonlySet<number>): string {
  const lead =
    item.kind === "removed"
      ? `${item.leader} (${item.event}): a step was removed: ${item.claim}.`
      : item.kind === "changed"
        ? `${item.leader} (${item.event}): a step was changed: ${item.claim}.`
        : `${item.leader} (${item.event}): ${item.claim}.`;
  return html`${supersededNote(item)}
    <p>${lead}</p>
    ${item.quotes.map((q) =>
      q.deleted
        ? html`<p>Its source has since been deleted.</p>`
        : html`<blockquote><p>“${q.quote}”</p></blockquote>
            <p>Source: <a href="${`${site}/sources/${q.sourceId}`}">${q.source}</a></p>`,
    )}${item.note ? html`<p>Note: ${item.note}</p>` : null}
    <p>
      <a href="${`${site}${entryPath(item, live)}`}"
        >${live.has(item.attendanceId) ? "The entry" : "The entry's history (it was deleted)"}</a
      >
      · recorded by ${item.actorName}
    </p>`.html;
}

/** An Atom 1.0 document (RFC 4287) of the items, newest first. */
export function atomFeed(input: AtomFeedInput): string {
  const { site, items } = input;
  const updated = items.reduce<Date | null>(
    (latest, item) => (!latest || item.updated > latest ? item.updated : latest),
    null,
  );
  const feed = new Feed({
    title: input.title,
    description: input.subtitle,
    id: `${site}${input.self}`,
    link: `${site}${input.page}`,
    language: "en",
    updated: updated ?? input.fallbackUpdated,
    feedLinks: { atom: `${site}${input.self}` },
    copyright: "",
    generator: "Rollcall",
  });
  for (const item of items) {
    const title = item.superseded
      ? `[${item.superseded.kind === "removed" ? "Removed" : "Changed"} since] ${item.title}`
      : item.title;
    feed.addItem({
      // The library writes an entry's title as `type="html"`: a reader renders it as markup,
      // so an editor's words must reach it escaped, as in the content.
      title: escapeHtml(title),
      id: itemId(site, item),
      link: `${site}${entryPath(item, input.liveEntries)}`,
      date: item.updated,
      published: item.published,
      content: itemContent(item, site, input.liveEntries),
      author: [{ name: item.actorName }],
      category: [{ name: item.event }],
    });
  }
  return feed.atom1();
}
