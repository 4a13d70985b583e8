// @ts-check
/** Content codings of the page cache: which one a request gets, and making them once. */
import { promisify } from "node:util";
import zlib from "node:zlib";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** @typedef {"br" | "gzip"} Encoding */

/** In order of preference: Brotli is smaller, and every current browser asks for it. */
export const ENCODINGS = /** @type {const} */ (["br", "gzip"]);

/**
 * The coding to answer with for an Accept-Encoding header, or null for the bytes as they are.
 * Follows RFC 9110: a coding with q=0 is refused, `*` stands for any coding not named.
 * @param {string} header
 * @returns {Encoding | null}
 */
export function negotiateEncoding(header) {
  /** @type {Map<string, number>} */
  const weights = new Map();
  for (const part of header.toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (/** @type {string} */ coding) => weights.get(coding) ?? weights.get("*") ?? 0;
  let best = /** @type {Encoding | null} */ (null);
  for (const coding of ENCODINGS) {
    if (weightOf(coding) > (best ? weightOf(best) : 0)) best = coding;
  }
  return best;
}

/**
 * The compression running now: one page at a time, so a burst of stores (a crawler's first
 * visit, say) does not occupy every thread of the pool that file reads and password hashing
 * wait for too.
 */
let queue = Promise.resolve();

/**
 * The body in every coding. Brotli at quality 9 rather than 11: nearly the same size for a
 * fraction of the CPU, which matters because every edit stores its pages again. It runs on
 * libuv's thread pool, off the thread that answers requests.
 * @param {Buffer} body
 * @returns {Promise<Record<Encoding, Buffer>>}
 */
export function compress(body) {
  const job = queue.then(async () => {
    const [br, gz] = await Promise.all([
      brotli(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      gzip(body, { level: 9 }),
    ]);
    return { br, gzip: gz };
  });
  queue = job.then(
    () => undefined,
    () => undefined,
  );
  return job;
}
