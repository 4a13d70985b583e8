import { z } from "zod";

const dimension = z
  .string()
  .regex(/^[1-9][0-9]{0,4}$/, "maxwidth and maxheight are whole numbers of pixels.")
  .transform(Number)
  .optional();

/** An oEmbed request's parameters (oembed.com, section 2.2). */
export const oembedQuerySchema = z.object({
  url: z.string().min(1, "The url parameter is missing.").max(2000, "The url is too long."),
  format: z
    .enum(["json", "xml"], { error: "format is json (or xml, which is not offered)." })
    .optional(),
  maxwidth: dimension,
  maxheight: dimension,
});

/**
 * The event page a URL of this site shows, with the embed's state: `/events/<slug>` (or its
 * embed, `/embed/events/<slug>`) and its `status` and `asOf`. Null for another site's URL or
 * any other page.
 */
export function parseEmbeddableUrl(
  value: string,
  site: string,
): { slug: string; status?: string; asOf?: string } | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.origin !== new URL(site).origin) return null;
  const match = /^\/(?:embed\/)?events\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  const status = url.searchParams.getAll("status").at(-1);
  const asOf = url.searchParams.getAll("asOf").at(-1);
  return { slug, ...(status ? { status } : {}), ...(asOf ? { asOf } : {}) };
}
