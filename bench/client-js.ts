/**
 * The JavaScript a page makes a browser download: the scripts its HTML references, and the
 * share of them that is the app's own code rather than the framework runtime (Next's router,
 * React, the Turbopack loader), found by a marker string of each of the app's client modules.
 */
import { gzipSync } from "node:zlib";

export type ClientJs = {
  path: string;
  htmlBytes: number;
  /** Inline <script> bodies: Next's bootstrap and the page's RSC payload. */
  inlineScriptBytes: number;
  scripts: number;
  /** What a current browser downloads (`nomodule` polyfills excluded). */
  scriptBytes: number;
  scriptGzipBytes: number;
  /** Chunks holding the app's own client components, by the marker they were found by. */
  appChunks: { marker: string; bytes: number }[];
  /** `nomodule` scripts: only browsers without ES modules load them. */
  noModuleBytes: number;
};

export async function measureClientJs(
  origin: string,
  path: string,
  appMarkers: string[],
): Promise<ClientJs> {
  const html = await (await fetch(origin + path)).text();
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].map((m) => ({
    src: m[2]!.replaceAll("&amp;", "&"),
    noModule: /nomodule/i.test(m[1]! + m[3]!),
  }));
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (sum, m) => sum + Buffer.byteLength(m[1]!),
    0,
  );
  const result: ClientJs = {
    path,
    htmlBytes: Buffer.byteLength(html),
    inlineScriptBytes: inline,
    scripts: 0,
    scriptBytes: 0,
    scriptGzipBytes: 0,
    appChunks: [],
    noModuleBytes: 0,
  };
  const seen = new Set<string>();
  for (const { src, noModule } of tags) {
    if (seen.has(src)) continue;
    seen.add(src);
    const body = Buffer.from(await (await fetch(new URL(src, origin))).arrayBuffer());
    if (noModule) {
      result.noModuleBytes += body.length;
      continue;
    }
    result.scripts++;
    result.scriptBytes += body.length;
    result.scriptGzipBytes += gzipSync(body).length;
    const text = body.toString();
    const marker = appMarkers.find((m) => text.includes(m));
    if (marker) result.appChunks.push({ marker, bytes: body.length });
  }
  return result;
}
