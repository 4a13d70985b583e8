import { getSnapshot } from "@/lib/data/source-snapshots";
import { SNAPSHOT_POLICY } from "@/lib/security/content-security-policy.mjs";
import { parseId } from "@/lib/validation/id";

/**
 * The page a version of a source's text was read from, as it was fetched: someone else's
 * HTML, served from this origin under SNAPSHOT_POLICY.
 */

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; number: string }> },
) {
  const raw = await params;
  const id = parseId(raw.id);
  const number = parseId(raw.number);
  const snapshot = id && number ? await getSnapshot(id, number) : null;
  if (!snapshot) {
    return new Response("No page was fetched for this version of the source.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(snapshot.html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": SNAPSHOT_POLICY,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex",
      // The same bytes for as long as the version exists.
      "cache-control": "public, max-age=300",
    },
  });
}
