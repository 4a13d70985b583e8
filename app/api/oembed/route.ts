import { jsonError } from "@/lib/api/json";
import { getEventBySlug } from "@/lib/data/events";
import { embedCode, DEFAULT_EMBED_HEIGHT } from "@/lib/embed/embed-code";
import { pageCacheControl, siteUrl } from "@/lib/env";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";
import { oembedQuerySchema, parseEmbeddableUrl } from "@/lib/validation/oembed";

const DEFAULT_WIDTH = 640;

/**
 * oEmbed (oembed.com): `/api/oembed?url=<an event page of this site>&format=json`, answered
 * with a `rich` embed whose html is the iframe code (lib/embed/embed-code.ts). Another site's
 * URL or a page that is not an event's is a 404, a malformed request a 400 and `format=xml` a
 * 501, as the spec asks. The page advertises this address (`alternates.types` in its
 * metadata); any site's script may read the answer.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const parsed = oembedQuerySchema.safeParse({
    url: params.get("url") ?? "",
    format: params.get("format") ?? undefined,
    maxwidth: params.get("maxwidth") ?? undefined,
    maxheight: params.get("maxheight") ?? undefined,
  });
  if (!parsed.success) {
    return withCors(jsonError(400, parsed.error.issues[0]?.message ?? "Bad request."));
  }
  const { url, format, maxwidth, maxheight } = parsed.data;
  if (format === "xml") {
    return withCors(
      new Response("Only format=json is offered.\n", {
        status: 501,
        headers: { "content-type": "text/plain; charset=utf-8" },
      }),
    );
  }
  const site = siteUrl().replace(/\/+$/, "");
  const target = parseEmbeddableUrl(url, site);
  if (!target) {
    return withCors(jsonError(404, `Only event pages of ${site} can be embedded.`));
  }
  const event = await getEventBySlug(target.slug);
  if (!event) return withCors(jsonError(404, "There is no event at that address."));
  const query = parseAttendanceQuery({ status: target.status, asOf: target.asOf });
  const width = Math.min(maxwidth ?? DEFAULT_WIDTH, DEFAULT_WIDTH * 2);
  const height = Math.min(maxheight ?? DEFAULT_EMBED_HEIGHT, DEFAULT_EMBED_HEIGHT * 2);
  const html = embedCode({
    site,
    slug: event.slug,
    eventName: event.name,
    query: { status: query.status, day: query.day },
    maxWidth: maxwidth ? width : undefined,
    height,
  });
  return withCors(
    Response.json(
      {
        version: "1.0",
        type: "rich",
        title: `Who attends the ${event.name}`,
        provider_name: "Rollcall",
        provider_url: `${site}/`,
        html,
        width,
        height,
      },
      { headers: { "cache-control": pageCacheControl() } },
    ),
  );
}

function withCors(response: Response): Response {
  response.headers.set("access-control-allow-origin", "*");
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
  return response;
}
