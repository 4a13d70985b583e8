import type { Metadata } from "next";
import { getEventBySlug } from "@/lib/data/events";
import { eventAlternates } from "@/lib/seo";

/** The title of a filtered or sorted list; the unfiltered page has the full metadata. */
export async function eventListMetadata(slug: string): Promise<Metadata> {
  const event = await getEventBySlug(slug);
  return event
    ? {
        title: `${event.name}, ${event.place}`,
        alternates: { types: eventAlternates(event).types },
      }
    : { title: "Event not found" };
}
