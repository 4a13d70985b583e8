import type { Metadata } from "next";
import { siteUrl } from "./env";

const description =
  "Which world leaders attend the featured event, with the passage of the news report behind every status.";

/** The share pictures' size and description (components/event-share-image.tsx draws them). */
export const shareImageSize = { width: 1200, height: 630 };
export const shareImageAlt =
  "The event's name, date and place, and how many leaders are confirmed, reported and declined";

const sitePicture = (url: string) => [
  { url, ...shareImageSize, alt: shareImageAlt, type: "image/png" },
];

/**
 * The site's share picture, the featured event's (app/home/share-image/[variant], which these
 * addresses are rewritten to): named by the root layout for every page, and again by any page
 * that sets its own Open Graph or Twitter fields, as those replace the inherited ones, pictures
 * included. An event's pages name their own (app/events/[slug]/opengraph-image.tsx).
 */
export const SITE_PICTURES = {
  openGraph: sitePicture("/opengraph-image"),
  twitter: sitePicture("/twitter-image"),
};

/** The site's Atom feed, offered on the home page (app/feeds/[scope]). */
const siteFeed = { url: "/feed.xml", title: "Rollcall: every event's changes (Atom)" };

/**
 * An event page's alternates: its Atom feed and its oEmbed description, so feed readers and
 * CMSs find both from the page's address alone.
 */
export function eventAlternates(event: { slug: string; name: string }) {
  const page = `/events/${event.slug}`;
  return {
    canonical: page,
    types: {
      "application/atom+xml": [{ url: `${page}/feed.xml`, title: `${event.name}: changes (Atom)` }],
      "application/json+oembed": [
        {
          // oEmbed takes the page's full address (the consumer has it from the page).
          url: `/api/oembed?${new URLSearchParams({ url: `${siteUrl().replace(/\/+$/, "")}${page}`, format: "json" })}`,
          title: `${event.name} (oEmbed)`,
        },
      ],
    },
  } satisfies Metadata["alternates"];
}

/** The home page's metadata, shared by "/" with filters and its cached unfiltered view. */
export const homeMetadata: Metadata = {
  title: "Who attends",
  description,
  alternates: { types: { "application/atom+xml": [siteFeed] } },
  openGraph: {
    type: "website",
    siteName: "Rollcall",
    title: "Who attends · Rollcall",
    description,
    images: SITE_PICTURES.openGraph,
  },
  twitter: {
    card: "summary_large_image",
    title: "Who attends · Rollcall",
    description,
    images: SITE_PICTURES.twitter,
  },
};
