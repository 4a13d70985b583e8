import "server-only";
import { gunzipSync, gzipSync } from "node:zlib";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { extractArticle } from "@/lib/fetch-source/extract";
import {
  FetchRefusal,
  parseAllowedHosts,
  readSourcePage,
  type SourceRead,
} from "@/lib/fetch-source/read-source";
import type { Editor } from "./session";
import { authorize, type Tx } from "./write";

/** A fetched page never saved as a source's text is deleted after this long. */
const PENDING_FOR_MS = 24 * 60 * 60 * 1000;

/** What a fetch found, for the source form to show and the editor to correct. */
export type SourceFetchDTO = {
  /** The kept page, for the save to attach to the version it makes. */
  snapshotId: number;
  /** The address the page came from, after redirects. */
  url: string;
  fetchedAt: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
  modifiedOn: string | null;
  language: string;
  text: string;
};

export type SourceFetchResult =
  /** For fetch again, `nextVersion` is the version the new text would be. */
  | { ok: true; fetched: SourceFetchDTO; nextVersion?: number }
  /** Fetch again: the page's text is that of the source's current version, `version`. */
  | { ok: true; unchanged: { version: number; fetchedAt: string } }
  | { ok: false; message: string };

/** The fetcher's settings: the test allow-list, which lib/env.ts refuses in production. */
const fetchOptions = () => ({ allowHosts: parseAllowedHosts(env.SOURCE_FETCH_ALLOW_HOSTS) });

async function read(url: string): Promise<SourceRead | { refused: string }> {
  try {
    return await readSourcePage(url, fetchOptions());
  } catch (error) {
    if (error instanceof FetchRefusal) return { refused: error.message };
    // Readability or the DOM failing on a page is the page's problem, not a server error.
    console.error("source fetch failed:", error);
    return { refused: "The page could not be read. Paste the text instead." };
  }
}

/** The texts compared as a reader would: line endings and surrounding space do not count. */
const sameText = (a: string, b: string) =>
  a.replace(/\r\n?/g, "\n").trim() === b.replace(/\r\n?/g, "\n").trim();

async function keep(found: SourceRead): Promise<SourceFetchDTO> {
  const { page, article } = found;
  const html = Buffer.from(page.html, "utf8");
  await db.sourceSnapshot.deleteMany({
    where: { versionId: null, fetchedAt: { lt: new Date(Date.now() - PENDING_FOR_MS) } },
  });
  const row = await db.sourceSnapshot.create({
    data: {
      url: page.url,
      fetchedAt: page.fetchedAt,
      contentType: page.contentType.slice(0, 200),
      html: gzipSync(html),
      size: html.length,
    },
  });
  return {
    snapshotId: row.id,
    url: page.url,
    fetchedAt: page.fetchedAt.toISOString(),
    ...article,
  };
}

/**
 * "Fetch": the page at `url` read for a new source. The page is kept, for the save to attach
 * to the source's first version.
 */
export async function fetchSourcePage(editor: Editor, url: string): Promise<SourceFetchResult> {
  // A fetch reaches outside and stores a page: only a role that edits sources may ask for one.
  const refused = authorize(editor, "source:edit");
  if (refused) return { ok: false, message: refused.message };
  const found = await read(url);
  if ("refused" in found) return { ok: false, message: found.refused };
  return { ok: true, fetched: await keep(found) };
}

/**
 * "Fetch again": the page at `url` read for the source `sourceId`. The same text as its
 * current version (or as the page that version was read from) is unchanged, and nothing is
 * kept; another text is offered as the next version, its page kept for the save.
 */
export async function fetchSourceAgain(
  editor: Editor,
  sourceId: number,
  url: string,
): Promise<SourceFetchResult> {
  const refused = authorize(editor, "source:edit");
  if (refused) return { ok: false, message: refused.message };
  const source = await db.source.findUnique({
    where: { id: sourceId },
    select: { text: true, textVersion: true },
  });
  if (!source) return { ok: false, message: "This source no longer exists." };
  const found = await read(url);
  if ("refused" in found) return { ok: false, message: found.refused };

  const text = found.article.text;
  let unchanged = sameText(text, source.text);
  if (!unchanged) {
    // The editor may have corrected the text read last time: the page itself is what changed
    // or not.
    const previous = await getSnapshot(sourceId, source.textVersion);
    if (previous) {
      try {
        unchanged = sameText(text, extractArticle(previous.html, previous.url).text);
      } catch {
        // The earlier page has no article any more by today's rules: compare with the text.
      }
    }
  }
  if (unchanged) {
    return {
      ok: true,
      unchanged: { version: source.textVersion, fetchedAt: found.page.fetchedAt.toISOString() },
    };
  }
  return { ok: true, fetched: await keep(found), nextVersion: source.textVersion + 1 };
}

/**
 * Keeps a fetched page with the version of a source's text it produced, in the save's
 * transaction. A page already kept with another version, or no longer kept, is left be: the
 * text is saved either way.
 */
export async function attachSnapshot(
  tx: Tx,
  snapshotId: number | undefined,
  sourceId: number,
  number: number,
): Promise<void> {
  if (!snapshotId) return;
  const version = await tx.sourceVersion.findUnique({
    where: { sourceId_number: { sourceId, number } },
    select: { id: true },
  });
  if (!version) return;
  await tx.sourceSnapshot.updateMany({
    where: { id: snapshotId, versionId: null },
    data: { versionId: version.id },
  });
}

export type SnapshotDTO = { url: string; fetchedAt: string; html: string };

/** The page version `number` of a source's text was read from, or null if there is none. */
export async function getSnapshot(sourceId: number, number: number): Promise<SnapshotDTO | null> {
  const row = await db.sourceSnapshot.findFirst({
    where: { version: { sourceId, number } },
    select: { url: true, fetchedAt: true, html: true },
  });
  if (!row) return null;
  return {
    url: row.url,
    fetchedAt: row.fetchedAt.toISOString(),
    html: gunzipSync(row.html).toString("utf8"),
  };
}
