import Link from "next/link";
import type { CitedPassageDTO } from "@/lib/data/sources";
import { STATUS_LABELS } from "@/lib/attendance/status";
import { passageId } from "@/lib/quotes/passage-id";
import { layOutPassages, passageTargetCss } from "@/lib/quotes/passage-layout";
import { formatDay } from "./format";

export type SourceTextProps = { text: string; passages: CitedPassageDTO[] };

const WORDS_IN_NOTE = 5;

/** The leaders a passage supports, as a screen reader hears them. */
const leadersOf = (passage: CitedPassageDTO) =>
  [...new Set(passage.entries.map((e) => e.leaderName))].join(", ");

/**
 * The stored article with every cited passage highlighted and the leaders it supports named.
 * Overlapping passages are each findable whole: a citation's link outlines exactly its own
 * words (lib/quotes/passage-layout.ts), a screen reader hears where each begins and ends, and
 * the notes come after the overlapping words, each opening with its passage's first words.
 */
export function SourceText({ text, passages }: SourceTextProps) {
  const paragraphs = layOutPassages(text, passages);
  const css = passageTargetCss(passages);
  return (
    <div className="source-text space-y-4 font-serif text-lg leading-relaxed">
      {css && (
        // Hoisted into <head> by React; the href names this set of passages.
        <style href={`passages-${hashOf(css)}`} precedence="default">
          {css}
        </style>
      )}
      {paragraphs.map((pieces) => (
        <p key={pieces[0]!.start}>
          {pieces.map((piece) => {
            if (piece.passages.length === 0) return <span key={piece.start}>{piece.text}</span>;
            const ids = piece.passages.map((i) => passageId(passages[i]!)).join(" ");
            return (
              <span key={piece.start}>
                {piece.anchors.map((i) => (
                  <span key={i} id={passageId(passages[i]!)} className="passage" />
                ))}
                {piece.opens.map((i) => (
                  <span key={i} className="sr-only">
                    (passage cited for {leadersOf(passages[i]!)} begins){" "}
                  </span>
                ))}
                <mark
                  id={piece.idOf === undefined ? undefined : passageId(passages[piece.idOf]!)}
                  data-passages={ids}
                  className={`rounded-sm px-0.5 text-inherit ${
                    piece.passages.length > 1
                      ? "bg-amber-200 dark:bg-amber-800/70"
                      : "bg-amber-100 dark:bg-amber-900/60"
                  }`}
                >
                  {piece.text}
                </mark>
                {piece.closes.map((i) => (
                  <span key={i} className="sr-only">
                    {" "}
                    (passage cited for {leadersOf(passages[i]!)} ends)
                  </span>
                ))}
                {piece.notes.map((i) => (
                  <PassageNote
                    key={i}
                    passage={passages[i]!}
                    quoted={piece.notes.length > 1}
                    text={text}
                  />
                ))}
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}

/** A short, stable name for a set of rules (djb2), so React keeps one copy per set. */
function hashOf(text: string) {
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

/** "confirmed, as of 12 April 2025" or "earlier step: reported, as of 14 March 2025". */
export function describeStep(entry: CitedPassageDTO["entries"][number]) {
  const status = STATUS_LABELS[entry.status].toLowerCase();
  const date = entry.asOf ? `as of ${formatDay(entry.asOf)}` : "undated";
  return `${entry.current ? "current" : "earlier step"}: ${status}, ${date}`;
}

/** The first words of a passage, to tell apart the notes of overlapping passages. */
function opening(text: string, passage: CitedPassageDTO) {
  const words = text.slice(passage.start, passage.end).trim().split(/\s+/);
  return words.length > WORDS_IN_NOTE
    ? `${words.slice(0, WORDS_IN_NOTE).join(" ")}…`
    : words.join(" ");
}

function PassageNote({
  passage,
  quoted,
  text,
}: {
  passage: CitedPassageDTO;
  /** Several passages overlap here: the note names its passage by its first words. */
  quoted: boolean;
  text: string;
}) {
  return (
    <span className="ml-1 font-sans text-sm text-slate-700 dark:text-slate-300">
      <span aria-hidden="true">[</span>
      {quoted && (
        <>
          <a href={`#${passageId(passage)}`} className="underline">
            “{opening(text, passage)}”
          </a>{" "}
        </>
      )}
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
    </span>
  );
}
