import { worldAtlas } from "@/lib/map/atlas";
import { landSvg } from "@/lib/map/world-map";

// Built once at build time: it depends on the atlas only.
export const dynamic = "force-static";

export function GET() {
  return new Response(landSvg(worldAtlas), {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // Changes only with a new build; a day is short enough for a redeploy to show.
      "Cache-Control": "public, max-age=86400",
    },
  });
}
