import { eventShareImage, noShareImage } from "@/components/event-share-image";
import { emptyCounts } from "@/lib/attendance/counts";
import { HOME_SHARE_IMAGES } from "@/lib/cache/cached-routes.mjs";
import { countAttendanceByStatus } from "@/lib/data/attendance";
import { getFeaturedEvent } from "@/lib/data/events";
import { pageCacheControl } from "@/lib/env";

type Params = { params: Promise<{ variant: string }> };

/**
 * The site's share pictures: the featured event's, as the home page shows it, with its counts.
 * Every page without a picture of its own names `/opengraph-image` and `/twitter-image`
 * (SITE_PICTURES in lib/seo.ts), which are rewritten here, to `opengraph` and `twitter`
 * (lib/cache/cached-routes.mjs), so that they are served from the page cache like the home
 * page: rendered on first request rather than at build (the build has no database), and
 * revalidated with the home page (HOME_PATHS).
 */
export const dynamic = "force-static";

export async function generateStaticParams() {
  return [];
}

// Which event is featured depends on the date too, as on the home page.
export const revalidate = 3600;

export async function GET(_request: Request, { params }: Params) {
  if (!(HOME_SHARE_IMAGES as readonly string[]).includes((await params).variant)) {
    return noShareImage();
  }
  const event = await getFeaturedEvent();
  const counts = event ? await countAttendanceByStatus(event.id) : emptyCounts();
  return eventShareImage({ event, counts }, pageCacheControl());
}
