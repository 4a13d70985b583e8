import { noShareImage } from "@/components/event-share-image";
import { featuredEventShareImage } from "./featured-image";

type Params = { params: Promise<{ view: string }> };

/**
 * The site's share picture, `/opengraph-image` and `/twitter-image` (the picture of every page
 * without one of its own, app/opengraph-image.tsx), rewritten here (lib/cache/cached-routes.mjs)
 * so that it is served from the page cache like the home page whose event it shows: rendered on
 * first request rather than at build (the build has no database), and revalidated with the home
 * page (HOME_PATHS). `all` is the only view.
 */
export const dynamic = "force-static";

export async function generateStaticParams() {
  return [];
}

// Which event is featured depends on the date too, as on the home page.
export const revalidate = 3600;

export async function GET(_request: Request, { params }: Params) {
  if ((await params).view !== "all") return noShareImage();
  return featuredEventShareImage();
}
