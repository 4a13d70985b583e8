/** The JavaScript a page makes the browser download: the scripts its HTML references. */
import { gzipSync } from "node:zlib";

export type ClientJs = {
  path: string;
  htmlBytes: number;
  /** Inline <script> bodies: Next's bootstrap and the page's RSC payload. */
  inlineScriptBytes: number;
  scripts: number;
  scriptBytes: number;
  scriptGzipBytes: number;
};

export async function measureClientJs(
  origin: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<ClientJs> {
  const html = await (await fetch(origin + path, { headers })).text();
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) =>
    m[1]!.replaceAll("&amp;", "&"),
  );
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (sum, m) => sum + Buffer.byteLength(m[1]!),
    0,
  );
  let scriptBytes = 0;
  let scriptGzipBytes = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
    scriptBytes += body.length;
    scriptGzipBytes += gzipSync(body).length;
  }
  return {
    path,
    htmlBytes: Buffer.byteLength(html),
    inlineScriptBytes: inline,
    scripts: new Set(sources).size,
    scriptBytes,
    scriptGzipBytes,
  };
}
