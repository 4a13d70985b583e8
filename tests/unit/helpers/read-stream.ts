/** Reads a web stream to the end: its bytes as UTF-8 text (a BOM kept) and how many chunks. */
export async function readStream(stream: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
  }
  const bytes = Buffer.concat(chunks);
  return {
    bytes,
    text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes),
    chunks: chunks.length,
  };
}
