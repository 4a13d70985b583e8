/**
 * Opaque paging cursors. Today a cursor holds the offset into the sorted list; clients must
 * treat it as an opaque string so it can become a keyset cursor without breaking them.
 */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString("base64url");
}

/** The offset a cursor from `encodeOffsetCursor` holds, or null for anything else. */
export function decodeOffsetCursor(cursor: string): number | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null || !("offset" in value)) return null;
    const { offset } = value;
    return Number.isSafeInteger(offset) && (offset as number) >= 0 ? (offset as number) : null;
  } catch {
    return null;
  }
}
