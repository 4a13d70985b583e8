import http from "node:http";
import https from "node:https";
import { PassThrough, type Readable } from "node:stream";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";
import {
  bareHost,
  guardedLookup,
  hostAndPort,
  isPublicAddress,
  privateAddressRefusal,
  systemResolve,
  type AllowedHosts,
  type Resolve,
} from "./address-guard";
import { decodeHtml } from "./decode";
import { FetchRefusal, PASTE_INSTEAD } from "./refusal";

/** The limits of a fetch; docs/architecture.md#adding-a-source-by-its-address says why. */
export const FETCH_LIMITS = {
  maxRedirects: 5,
  /** Of the page as decompressed. */
  maxBytes: 5 * 1024 * 1024,
  /** For the whole fetch, redirects and body included. */
  timeoutMs: 10_000,
} as const;

export type FetchOptions = {
  /** "host:port" pairs reachable though not public (the tests' local pages). */
  allowHosts?: AllowedHosts;
  /** Name resolution; tests stub it. */
  resolve?: Resolve;
  maxRedirects?: number;
  maxBytes?: number;
  timeoutMs?: number;
};

export type FetchedPage = {
  /** The address the page came from, after redirects. */
  url: string;
  contentType: string;
  html: string;
  fetchedAt: Date;
};

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const MB = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Fetches a web page for its article: http(s) only; every address it connects to, the first
 * and each redirect's, public after name resolution (or allow-listed); at most `maxRedirects`
 * redirects; at most `maxBytes` of page; at most `timeoutMs` in all; HTML only, decoded
 * strictly. Throws a FetchRefusal with the editor's message for each of these, and for a site
 * that cannot be reached or answers with an error; nothing else.
 */
export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const limits = { ...FETCH_LIMITS, ...options };
  const allowHosts = options.allowHosts ?? new Set<string>();
  const lookup = guardedLookup(options.resolve ?? systemResolve);
  const deadline = Date.now() + limits.timeoutMs;

  let url = parseAddress(address);
  for (let redirects = 0; ; redirects++) {
    const allowed = allowHosts.has(hostAndPort(url));
    const host = bareHost(url.hostname);
    // A literal address never reaches `lookup`: it is checked here.
    if (!allowed && ipaddr.isValid(host) && !isPublicAddress(host)) {
      throw privateAddressRefusal(url.hostname, host);
    }
    const answer = await requestOnce(url, {
      lookup: allowed ? undefined : lookup,
      deadline,
      timeoutMs: limits.timeoutMs,
      maxBytes: limits.maxBytes,
    });
    if ("location" in answer) {
      if (redirects >= limits.maxRedirects) {
        throw new FetchRefusal(
          "redirects",
          `The page redirects more than ${limits.maxRedirects} times; give the address it finally lands on.`,
        );
      }
      url = parseAddress(answer.location, url);
      continue;
    }
    return {
      url: url.href,
      contentType: answer.contentType,
      html: decodeHtml(answer.body, answer.contentType),
      fetchedAt: new Date(),
    };
  }
}

function parseAddress(address: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    throw new FetchRefusal("address", "Enter a web address that starts with http:// or https://.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchRefusal(
      "scheme",
      base
        ? `The page redirects to a ${url.protocol} address; Rollcall fetches http:// and https:// pages only.`
        : `Rollcall fetches http:// and https:// pages only, not ${url.protocol} addresses.`,
    );
  }
  return url;
}

type Answer = { location: string } | { contentType: string; body: Buffer };

function requestOnce(
  url: URL,
  o: {
    lookup: ReturnType<typeof guardedLookup> | undefined;
    deadline: number;
    timeoutMs: number;
    maxBytes: number;
  },
): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    let response: http.IncomingMessage | undefined;
    let body: Readable | undefined;
    const fail = (error: unknown) => {
      clearTimeout(timer);
      const refusal = toRefusal(error, url);
      request.destroy(refusal);
      response?.destroy(refusal);
      body?.destroy(refusal);
      reject(refusal);
    };
    const timer = setTimeout(
      () =>
        fail(
          new FetchRefusal(
            "too-slow",
            `The site took longer than ${Math.round(o.timeoutMs / 1000)} seconds to send the page. Try again later, or ${PASTE_INSTEAD.toLowerCase()}`,
          ),
        ),
      Math.max(0, o.deadline - Date.now()),
    );
    const get = url.protocol === "https:" ? https.request : http.request;
    const request = get(
      url,
      {
        method: "GET",
        // A connection of its own: no socket kept from another name's lookup.
        agent: false,
        ...(o.lookup ? { lookup: o.lookup } : {}),
        headers: {
          accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
          "accept-encoding": "gzip, deflate, br",
          "user-agent": "Rollcall/1 (source fetcher; +https://github.com/)",
        },
      },
      (res) => {
        response = res;
        const status = res.statusCode ?? 0;
        if (REDIRECTS.has(status) && res.headers.location) {
          res.resume();
          clearTimeout(timer);
          return resolve({ location: res.headers.location });
        }
        if (status < 200 || status > 299) {
          return fail(
            new FetchRefusal(
              "http-status",
              `The site answered “${`${status} ${res.statusMessage ?? ""}`.trim()}” instead of the page. Check the address, or ${PASTE_INSTEAD.toLowerCase()}`,
            ),
          );
        }
        const contentType = res.headers["content-type"] ?? "";
        const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
        if (!HTML_TYPES.has(mediaType)) {
          return fail(
            new FetchRefusal(
              "not-html",
              `The address is not a web page: the site sent ${mediaType ? `“${mediaType}”` : "content of no declared type"}, not HTML. ${PASTE_INSTEAD}`,
            ),
          );
        }
        const tooLarge = new FetchRefusal(
          "too-large",
          `The page is larger than ${MB(o.maxBytes)}, the most Rollcall fetches. ${PASTE_INSTEAD}`,
        );
        if (Number(res.headers["content-length"]) > o.maxBytes) return fail(tooLarge);
        try {
          body = res.pipe(decompressor(res.headers["content-encoding"]));
        } catch (error) {
          return fail(error);
        }
        const chunks: Buffer[] = [];
        let size = 0;
        body.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > o.maxBytes) return fail(tooLarge);
          chunks.push(chunk);
        });
        body.on("error", fail);
        res.on("error", fail);
        body.on("end", () => {
          clearTimeout(timer);
          resolve({ contentType, body: Buffer.concat(chunks) });
        });
      },
    );
    request.on("error", fail);
    request.end();
  });
}

function decompressor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | PassThrough {
  switch ((encoding ?? "identity").trim().toLowerCase()) {
    case "identity":
    case "":
      return new PassThrough();
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createUnzip();
    case "br":
      return zlib.createBrotliDecompress() as unknown as zlib.Gunzip;
    default:
      throw new FetchRefusal(
        "encoding",
        `The site compressed the page in a way Rollcall cannot read (“${encoding!.slice(0, 40)}”). ${PASTE_INSTEAD}`,
      );
  }
}

/** Any error of a fetch as the editor's message: a refusal as it is, the rest as unreachable. */
function toRefusal(error: unknown, url: URL): FetchRefusal {
  if (error instanceof FetchRefusal) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (
    code === "Z_DATA_ERROR" ||
    code === "Z_BUF_ERROR" ||
    code === "ERR_BROTLI_DECOMPRESSION_FAILED"
  ) {
    return new FetchRefusal(
      "encoding",
      `The site sent the page damaged (its compression does not decode). ${PASTE_INSTEAD}`,
    );
  }
  const why =
    code === "ENOTFOUND" || code === "EAI_AGAIN"
      ? `no address was found for ${url.hostname}`
      : code === "ECONNREFUSED"
        ? `${url.host} refused the connection`
        : code?.startsWith("ERR_TLS") || code?.includes("CERT")
          ? `the secure connection to ${url.hostname} failed (${code})`
          : `the connection to ${url.host} failed${code ? ` (${code})` : ""}`;
  return new FetchRefusal(
    "unreachable",
    `The page could not be fetched: ${why}. Check the address, or ${PASTE_INSTEAD.toLowerCase()}`,
  );
}
