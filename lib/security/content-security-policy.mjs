// @ts-check
/**
 * The Content-Security-Policy, in one place for next.config.js, the page cache and proxy.ts.
 *
 * Every response carries the base policy (next.config.js): nothing from another origin may run,
 * be framed, or receive a form. Its script-src still allows inline scripts, because Next's own
 * bootstrap and RSC payload are inline scripts whose text differs with every page. Each HTML
 * page then carries a policy of its own that names exactly the inline scripts it may run: a
 * browser enforces every policy it is sent, so only those run. Pages from the page cache name theirs by
 * hash, computed once when the page is stored (lib/cache/page-cache.mjs), so they stay cached;
 * pages rendered per request get a fresh nonce from proxy.ts, which Next puts on its scripts.
 */
import { createHash } from "node:crypto";

const isDev = process.env.NODE_ENV !== "production";

/** React's development build evaluates code for its debugging aids. */
const DEV_EVAL = isDev ? " 'unsafe-eval'" : "";

/**
 * @param {string} scriptSources
 * @param {string} [frameAncestors] who may frame the page: no one, but for the embeds
 */
const policy = (scriptSources, frameAncestors = "'none'") =>
  [
    "default-src 'self'",
    `script-src 'self' ${scriptSources}${DEV_EVAL}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");

export const BASE_POLICY = policy("'unsafe-inline'");

/**
 * The embeds (app/embed) are made to be framed by any site (a newsroom's CMS): their policy is
 * the base policy but for `frame-ancestors *`. Every other page keeps `'none'` and
 * X-Frame-Options DENY (next.config.js).
 */
export const EMBED_BASE_POLICY = policy("'unsafe-inline'", "*");

/** Whether a path is an embed's, which may be framed. */
export const isEmbedPath = (/** @type {string} */ path) => /^\/embed\//.test(path);

/** An embed's own policy: pagePolicy's, but any site may frame it. @param {string[]} sources */
export function embedPagePolicy(sources) {
  return policy(sources.join(" "), "*");
}

/**
 * A fetched page's snapshot (app/sources/[id]/versions/[number]/snapshot): sandboxed (no
 * scripts, no forms, an origin of its own, so none of this site's cookies or storage), and
 * loading nothing at all, not even its images, so that opening it tells the publisher nothing.
 * Inline styles stay, for a legible page.
 */
export const SNAPSHOT_POLICY =
  "sandbox; default-src 'none'; img-src 'none'; style-src 'unsafe-inline'";

/** Whether a path is a snapshot's, which proxy.ts serves under SNAPSHOT_POLICY. */
export const isSnapshotPath = (/** @type {string} */ path) =>
  /^\/sources\/[^/]+\/versions\/[^/]+\/snapshot\/?$/.test(path);

/**
 * The page's own policy: the base policy, but scripts only from this origin and the inline
 * scripts named by `sources` ('nonce-…' or 'sha256-…'). It is complete on its own: whether
 * Next sends it beside the base policy (a cached page) or in its place (proxy.ts), the
 * browser enforces no less.
 * @param {string[]} sources
 */
export function pagePolicy(sources) {
  return policy(sources.join(" "));
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /\ssrc\s*=/i;

/**
 * The 'sha256-…' sources of every inline script in an HTML document, in order, without
 * repeats. The hash is of the script's text exactly as it stands between its tags, which is
 * what a browser hashes (Next escapes "<" inside its payloads, so "</script" never occurs
 * within one).
 * @param {string | Buffer} html
 */
export function inlineScriptHashes(html) {
  const text = typeof html === "string" ? html : html.toString("utf8");
  const hashes = new Set();
  for (const [, attributes, body] of text.matchAll(SCRIPT)) {
    if (HAS_SRC.test(` ${attributes}`) || !body) continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}
