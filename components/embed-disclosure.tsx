import { siteUrl } from "@/lib/env";
import { embedCode, type EmbedQuery } from "@/lib/embed/embed-code";

export type EmbedDisclosureProps = {
  slug: string;
  eventName: string;
  query: EmbedQuery;
};

/**
 * "Embed this list": the code for another site's page, with the list's status and day, and the
 * Atom feed's address. A `<details>`, so it opens without JavaScript; the code is in a
 * read-only field to select and copy.
 */
export function EmbedDisclosure({ slug, eventName, query }: EmbedDisclosureProps) {
  const site = siteUrl().replace(/\/+$/, "");
  const code = embedCode({ site, slug, eventName, query });
  return (
    <details className="text-sm print:hidden">
      <summary className="cursor-pointer font-medium text-blue-800 dark:text-blue-300">
        Embed this list or follow its changes
      </summary>
      <div className="mt-2 space-y-2">
        <label htmlFor="embed-code" className="block">
          Paste this code into your page to show the list, its counts and its map
          {query.status || query.day ? " as filtered here" : ""}. It resizes to fit; without
          JavaScript it shows at a fixed height, and the link stands in where frames are off.
        </label>
        <textarea
          id="embed-code"
          readOnly
          rows={5}
          value={code}
          className="w-full rounded border border-slate-400 p-2 font-mono text-xs"
        />
        <p>
          A CMS that speaks oEmbed embeds it from the page&apos;s address alone. Changes as a feed:{" "}
          <a href={`/events/${encodeURIComponent(slug)}/feed.xml`} type="application/atom+xml">
            Atom feed of this event
          </a>
          .
        </p>
      </div>
    </details>
  );
}
