import { connection } from "next/server";
import { shareImageAlt, shareImageSize } from "@/components/event-share-image";
import { featuredEventShareImage } from "./home/[view]/share-image/featured-image";

export const alt = shareImageAlt;
export const size = shareImageSize;
export const contentType = "image/png";

/**
 * The home page's preview and the site's default, named in every page's metadata: the featured
 * event. Requests for it are rewritten to its cached route (app/home/[view]/share-image, see
 * lib/cache/cached-routes.mjs) before they reach this file, which draws the same picture if
 * one ever does.
 */
export default async function Image() {
  await connection();
  return featuredEventShareImage();
}
