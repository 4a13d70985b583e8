/**
 * The code a newsroom pastes to embed an event's list (and the oEmbed answer's `html`): an
 * iframe of the embed (app/embed/events/[slug]), the host-page script that sizes it to its
 * content (public/embed.js), and a plain link for a page that runs no script. Built with
 * `html`, so every value is escaped (lib/text/html.ts).
 */
import { html } from "../text/html";

export type EmbedQuery = { status?: string; day?: string };

export const DEFAULT_EMBED_HEIGHT = 600;

/** The embed's path with the list's state: a status and a day. */
export function embedPath(slug: string, query: EmbedQuery = {}): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.day) params.set("asOf", query.day);
  return `/embed/events/${encodeURIComponent(slug)}${params.size ? `?${params}` : ""}`;
}

/** The full page the embed stands for, with the same state. */
export function eventPagePath(slug: string, query: EmbedQuery = {}): string {
  return embedPath(slug, query).replace(/^\/embed/, "");
}

export function embedCode(input: {
  /** The site's origin, without a trailing slash. */
  site: string;
  slug: string;
  eventName: string;
  query?: EmbedQuery;
  /** At most this wide (oEmbed's maxwidth); else the host's column. */
  maxWidth?: number;
  height?: number;
}): string {
  const { site, slug, eventName, query = {} } = input;
  const height = input.height ?? DEFAULT_EMBED_HEIGHT;
  const style = `width:100%;${input.maxWidth ? `max-width:${input.maxWidth}px;` : ""}height:${height}px;border:0`;
  const src = `${site}${embedPath(slug, query)}`;
  const title = `Who attends the ${eventName} (Rollcall)`;
  const link = `${site}${eventPagePath(slug, query)}`;
  // Three lines a newsroom pastes as they are: kept out of Prettier's HTML formatting.
  // prettier-ignore
  const code = [
    html`<iframe src="${src}" title="${title}" data-rollcall-embed="" style="${style}" loading="lazy"></iframe>`,
    html`<script async src="${`${site}/embed.js`}"></script>`,
    html`<noscript><a href="${link}">${`Who attends the ${eventName}, on Rollcall`}</a></noscript>`,
  ];
  return code.map((line) => line.html).join("\n");
}
