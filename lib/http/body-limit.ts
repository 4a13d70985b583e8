/**
 * A request body read with a bound, for route handlers that read one (Better Auth's reads the
 * whole body before it looks at it). A declared Content-Length over the bound is refused before
 * any byte is read; a body without one (chunked) is counted as it streams and given up as soon
 * as it passes the bound. Either way the server holds at most `limit` bytes of it.
 */
export const AUTH_BODY_LIMIT_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
    this.name = "BodyTooLargeError";
  }
}

/** The body's bytes, at most `limit` of them; throws BodyTooLargeError past it. */
export async function readBodyWithin(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * The same request with its body read within `limit` (a new Request over the bytes read), or
 * a 413 to answer instead.
 */
export async function withinBodyLimit(
  request: Request,
  limit: number,
): Promise<Request | Response> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  try {
    const body = await readBodyWithin(request, limit);
    const headers = new Headers(request.headers);
    headers.delete("transfer-encoding");
    headers.set("content-length", String(body.byteLength));
    return new Request(request.url, {
      method: request.method,
      headers,
      body: body.byteLength > 0 ? body : undefined,
      signal: request.signal,
    });
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return Response.json(
      { error: `The request body is too large: at most ${limit} bytes.` },
      { status: 413, headers: { "cache-control": "no-store" } },
    );
  }
}
