import { FetchRefusal, PASTE_INSTEAD } from "./refusal";

/** The charset a Content-Type names (`text/html; charset=ISO-8859-1`), if any. */
function headerCharset(contentType: string | undefined): string | null {
  const match = contentType?.match(/;\s*charset\s*=\s*"?([^";\s]+)/i);
  return match ? match[1]! : null;
}

/**
 * The charset a page declares in its first kilobyte (`<meta charset>` or the http-equiv
 * Content-Type), where the HTML standard's prescan looks for it.
 */
function metaCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString("latin1");
  const match = head.match(/<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i);
  return match ? match[1]! : null;
}

function byteOrderMark(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * The page's text, decoded as a browser would choose (byte-order mark, then the header, then
 * the page's own declaration, else UTF-8), but strictly: bytes that are not valid in that
 * encoding are refused rather than turned into replacement characters, since citations would
 * quote the damage. Throws a FetchRefusal ("encoding").
 */
export function decodeHtml(bytes: Buffer, contentType: string | undefined): string {
  const label = byteOrderMark(bytes) ?? headerCharset(contentType) ?? metaCharset(bytes) ?? "utf-8";
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new FetchRefusal(
      "encoding",
      `The page declares an encoding Rollcall cannot read (“${label.slice(0, 40)}”). ${PASTE_INSTEAD}`,
    );
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new FetchRefusal(
      "encoding",
      `The page's text is not valid ${decoder.encoding.toUpperCase()}, the encoding it declares: its characters would come out garbled. ${PASTE_INSTEAD}`,
    );
  }
}
