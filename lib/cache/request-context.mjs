// @ts-check
/**
 * What the page cache needs to know of the request being answered: which encodings it accepts
 * and whether it asks for the RSC payload rather than the HTML.
 *
 * Next builds its cache handler per request but shares what `get` returns among all the
 * requests for the same page that arrive together (its response cache batches them), so the
 * choice of bytes cannot be made in `get`. It is made when Next reads the entry for each
 * request, in that request's own asynchronous context: Node publishes every incoming request
 * on the `http.server.request.start` diagnostics channel just before the server's handler
 * runs, and the subscriber below gives the rest of that request an AsyncLocalStorage store.
 * `next start` serves requests in the process that loads this module.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import diagnosticsChannel from "node:diagnostics_channel";

/** @typedef {{ acceptEncoding: string, rsc: boolean }} RequestContext */

const KEY = Symbol.for("rollcall.page-cache.request-context");

/** One store per process, whichever copy of this module (bundled or not) asks first. */
function storage() {
  const global = /** @type {Record<symbol, AsyncLocalStorage<RequestContext> | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  let store = global[KEY];
  if (!store) {
    const created = new AsyncLocalStorage();
    store = created;
    global[KEY] = created;
    diagnosticsChannel.subscribe("http.server.request.start", (message) => {
      const { request } = /** @type {{ request: import("node:http").IncomingMessage }} */ (message);
      // enterWith, not run: the channel has no callback to run within. The store holds two
      // strings, not the request, so nothing outlives the request through it.
      created.enterWith({
        acceptEncoding: String(request.headers["accept-encoding"] ?? ""),
        rsc: request.headers.rsc === "1",
      });
    });
  }
  return store;
}

/** Starts listening for requests (idempotent): call at server start. */
export function listenForRequests() {
  storage();
}

/** @returns {RequestContext | undefined} the request being answered, if any */
export function currentRequest() {
  return storage().getStore();
}

/**
 * Runs `fn` as if answering a request with these headers (for tests, and for callers outside
 * an HTTP server).
 * @template T
 * @param {RequestContext} context
 * @param {() => T} fn
 */
export function withRequest(context, fn) {
  return storage().run(context, fn);
}
