/**
 * Splits a text into consecutive segments at every span boundary, so spans that overlap or
 * nest can be highlighted without breaking the markup. Each segment lists the indices of the
 * spans covering it (empty for plain text). Spans are [start, end) JS string offsets; spans
 * outside the text are clamped, empty ones ignored.
 */
export type Span = { start: number; end: number };
export type Segment = { start: number; end: number; text: string; spans: number[] };

export function segmentText(text: string, spans: readonly Span[]): Segment[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const live = spans
    .map((span, index) => ({ start: clamp(span.start), end: clamp(span.end), index }))
    .filter((span) => span.end > span.start);
  const cuts = new Set<number>([0, text.length]);
  for (const span of live) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = live.filter((s) => s.start <= start && s.end >= end).map((s) => s.index);
    segments.push({ start, end, text: text.slice(start, end), spans: covering });
  }
  return segments;
}
