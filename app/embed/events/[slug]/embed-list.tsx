import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { EventEmbed } from "@/components/event-embed";
import { getEventView } from "@/lib/data/attendance";
import { getEventBySlug, getRenamedEventSlug } from "@/lib/data/events";
import { embedPath } from "@/lib/embed/embed-code";
import type { EmbedView } from "@/lib/validation/query-view";

export async function embedMetadata(slug: string): Promise<Metadata> {
  const event = await getEventBySlug(slug);
  return {
    title: event ? `${event.name}: who attends` : "Event not found",
    // The embed stands for the event's page, which search engines should find instead.
    robots: { index: false, follow: true },
    alternates: event ? { canonical: `/events/${event.slug}` } : undefined,
  };
}

/**
 * An event's list for an iframe on another site, by a status and a day: for the cached page
 * (./view/[view]) and the one rendered per request (../page.tsx).
 */
export async function EmbedList({ slug, status, day }: { slug: string } & EmbedView) {
  // An embed filters by status and day only; it keeps the list's default order.
  const query = { sort: "name" as const, ...(status ? { status } : {}), ...(day ? { day } : {}) };
  const view = await getEventView(slug, query);
  if (!view) {
    const renamed = await getRenamedEventSlug(slug);
    if (renamed) permanentRedirect(embedPath(renamed, { status, day }));
    notFound();
  }
  return (
    <>
      <EventEmbed
        event={view.event}
        counts={view.counts}
        entries={view.entries}
        mapEntries={view.mapEntries}
        phase={view.phase}
        query={{ status, day }}
      />
      {/* Tells the framing page the embed's height (public/embed.js sizes the iframe). */}
      <script src="/embed-frame.js" async />
    </>
  );
}
