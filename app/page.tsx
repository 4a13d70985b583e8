import type { Metadata } from "next";
import { getEditor } from "@/lib/data/session";
import { homeMetadata } from "@/lib/seo";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";
import { FeaturedList } from "./home/featured-list";

export const metadata: Metadata = homeMetadata;

// The home page for a signed-in editor, or with a search too long to cache or a status or sort
// the list does not know, rendered per request. Otherwise "/" is rewritten to the cached
// app/home/view/[status]/[sort] (next.config.js), or app/home/query/[query] (proxy.ts).
export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = parseAttendanceQuery(await searchParams);
  return <FeaturedList query={query} editor={(await getEditor()) !== null} />;
}
