import { passageId } from "./passage-id";
import { segmentText, type Span } from "./segments";

/**
 * How a source's text is laid out with its cited passages when passages may overlap or nest.
 *
 * The text is cut at every passage boundary and every line break into pieces; each piece knows
 * the passages covering it, the passages that begin and end at it, and whether it carries a
 * passage's id. A passage that is exactly one piece carries its id on that piece (its <mark> is
 * the fragment target); a longer one gets an empty anchor before its first piece, and is
 * outlined whole by a rule that follows the anchor's `:target` to every piece listing it
 * (`passageTargetCss`). Passages that overlap form a cluster, and the notes naming who each
 * passage supports come after the cluster's last piece, so no passage's note falls inside
 * another passage's words.
 */
export type LaidOutPiece = {
  start: number;
  end: number;
  text: string;
  /** Indices of the passages covering this piece, in the order given. */
  passages: number[];
  /** Passages beginning at this piece (their start marker goes before it). */
  opens: number[];
  /** Passages ending with this piece (their end marker goes after it). */
  closes: number[];
  /** The passage whose id this piece's <mark> carries, if it is that whole passage. */
  idOf?: number;
  /** Passages that need an empty anchor before this piece, being longer than one piece. */
  anchors: number[];
  /** After this piece: the notes of a cluster of overlapping passages that ends here. */
  notes: number[];
};

export function layOutPassages(text: string, spans: readonly Span[]): LaidOutPiece[][] {
  const paragraphs: LaidOutPiece[][] = [[]];
  const pieces: LaidOutPiece[] = [];
  for (const segment of segmentText(text, spans)) {
    let offset = segment.start;
    segment.text.split("\n").forEach((line, i) => {
      if (i > 0) {
        paragraphs.push([]);
        offset += 1;
      }
      if (line) {
        const piece: LaidOutPiece = {
          start: offset,
          end: offset + line.length,
          text: line,
          passages: segment.spans,
          opens: [],
          closes: [],
          anchors: [],
          notes: [],
        };
        paragraphs.at(-1)!.push(piece);
        pieces.push(piece);
      }
      offset += line.length;
    });
  }

  const piecesOf = new Map<number, LaidOutPiece[]>();
  for (const piece of pieces) {
    for (const i of piece.passages) {
      const list = piecesOf.get(i) ?? [];
      list.push(piece);
      piecesOf.set(i, list);
    }
  }
  for (const [i, list] of piecesOf) {
    list[0]!.opens.push(i);
    list.at(-1)!.closes.push(i);
    if (list.length === 1) list[0]!.idOf ??= i;
    if (list[0]!.idOf !== i) list[0]!.anchors.push(i);
  }

  // Clusters: passages whose words overlap, taken in text order.
  const order = [...piecesOf.keys()].sort(
    (a, b) => spans[a]!.start - spans[b]!.start || spans[a]!.end - spans[b]!.end || a - b,
  );
  let cluster: number[] = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    if (cluster.length === 0) return;
    const last = cluster
      .map((i) => piecesOf.get(i)!.at(-1)!)
      .reduce((a, b) => (b.end > a.end ? b : a));
    last.notes.push(...cluster);
    cluster = [];
  };
  for (const i of order) {
    if (spans[i]!.start >= clusterEnd) closeCluster();
    cluster.push(i);
    clusterEnd = Math.max(clusterEnd, spans[i]!.end);
  }
  closeCluster();

  for (const piece of pieces) {
    const byStart = (a: number, b: number) => spans[a]!.start - spans[b]!.start || a - b;
    piece.opens.sort(byStart);
    piece.closes.sort(byStart);
  }
  return paragraphs.filter((p) => p.length > 0);
}

/**
 * One rule per passage: when its id is the fragment target, every piece of its words is
 * outlined, and only those. The selector names nothing but generated ids, so it needs no
 * escaping.
 */
export function passageTargetCss(spans: readonly Span[]): string {
  const ids = [...new Set(spans.map((span) => passageId(span)))];
  return ids
    .map(
      (id) =>
        `.source-text:has(#${id}:target) mark[data-passages~="${id}"]{background-color:var(--color-amber-300);color:var(--color-slate-950);outline:2px solid var(--color-amber-700);outline-offset:0}`,
    )
    .join("\n");
}
