import Link from "next/link";
import type { CitedPassageDTO } from "@/lib/data/sources";
import { STATUS_LABELS } from "@/lib/attendance/status";
import { passageId } from "@/lib/quotes/passage-id";
import { segmentText } from "@/lib/quotes/segments";
import { formatDay } from "./format";

export type SourceTextProps = { text: string; passages: CitedPassageDTO[] };

type Piece = { start: number; end: number; text: string; spans: number[] };

/** Splits the segments further at line breaks: each line of the source is a paragraph. */
function toParagraphs(text: string, passages: CitedPassageDTO[]): Piece[][] {
  const paragraphs: Piece[][] = [[]];
  for (const segment of segmentText(text, passages)) {
    let offset = segment.start;
    segment.text.split("\n").forEach((line, i) => {
      if (i > 0) {
        paragraphs.push([]);
        offset += 1;
      }
      if (line)
        paragraphs
          .at(-1)!
          .push({ start: offset, end: offset + line.length, text: line, spans: segment.spans });
      offset += line.length;
    });
  }
  return paragraphs.filter((p) => p.length > 0);
}

/** The stored article with every cited passage highlighted and the leaders it supports named. */
export function SourceText({ text, passages }: SourceTextProps) {
  return (
    <div className="space-y-4 font-serif text-lg leading-relaxed">
      {toParagraphs(text, passages).map((pieces) => (
        <p key={pieces[0]!.start}>
          {pieces.map((piece) => {
            if (piece.spans.length === 0) return <span key={piece.start}>{piece.text}</span>;
            const starting = piece.spans.filter((i) => passages[i]!.start === piece.start);
            const ending = piece.spans.filter((i) => passages[i]!.end === piece.end);
            const [primary, ...others] = starting;
            return (
              <span key={piece.start}>
                {others.map((i) => (
                  <span key={i} id={passageId(passages[i]!)} className="passage" />
                ))}
                <mark
                  id={primary === undefined ? undefined : passageId(passages[primary]!)}
                  className="rounded-sm bg-amber-100 px-0.5 text-inherit dark:bg-amber-900/60"
                >
                  {piece.text}
                </mark>
                {ending.map((i) => (
                  <PassageNote key={i} passage={passages[i]!} />
                ))}
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}

/** "confirmed, as of 12 April 2025" or "earlier step: reported, as of 14 March 2025". */
export function describeStep(entry: CitedPassageDTO["entries"][number]) {
  const status = STATUS_LABELS[entry.status].toLowerCase();
  const date = entry.asOf ? `as of ${formatDay(entry.asOf)}` : "undated";
  return `${entry.current ? "current" : "earlier step"}: ${status}, ${date}`;
}

function PassageNote({ passage }: { passage: CitedPassageDTO }) {
  return (
    <span className="ml-1 font-sans text-sm text-slate-700 dark:text-slate-300">
      <span className="sr-only">(end of cited passage; </span>
      <span aria-hidden="true">[</span>
      supports{" "}
      {passage.entries.map((entry, i) => (
        <span key={entry.citationId}>
          {i > 0 && ", "}
          <Link
            href={
              entry.current
                ? `/events/${entry.eventSlug}#entry-${entry.attendanceId}`
                : `/attendance/${entry.attendanceId}#step-${entry.stepId}`
            }
            className="text-blue-800 underline dark:text-blue-300"
          >
            {entry.leaderName}
          </Link>{" "}
          <span className="text-slate-500 dark:text-slate-400">({describeStep(entry)})</span>
        </span>
      ))}
      <span aria-hidden="true">]</span>
      <span className="sr-only">)</span>
    </span>
  );
}
