"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { STATUS_LABELS } from "@/lib/attendance/status";
import type { SourceForCiting } from "@/lib/data/citing";
import { segmentText } from "@/lib/quotes/segments";
import { nextSentenceEnd, previousSentenceStart, sentenceAt } from "@/lib/quotes/sentences";

/** A selection in the source: `text.slice(start, start + quote.length) === quote`. */
export type PickedPassage = { quote: string; start: number };

export type SourcePassagePickerProps = {
  sourceId: number;
  /** Used for the panel's ids. */
  id: string;
  /** Called with each new selection, already trimmed of whitespace at its edges. */
  onPick: (picked: PickedPassage) => void;
  /** The quote's place now (from a selection or a chosen place), highlighted in the text. */
  current?: { start: number; end: number } | null;
};

type Loaded =
  { status: "loading" } | { status: "failed" } | ({ status: "ready" } & SourceForCiting);

/** One read per source and page: the panel opens and closes, rows share a source. */
const reads = new Map<number, Promise<SourceForCiting>>();

function readSource(id: number): Promise<SourceForCiting> {
  let read = reads.get(id);
  if (!read) {
    read = fetch(`/api/admin/sources/${id}/citing`, { cache: "no-store" }).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<SourceForCiting>;
    });
    read.catch(() => reads.delete(id));
    reads.set(id, read);
  }
  return read;
}

/** Every open panel's quote place, drawn as one highlight (`::highlight(picked-passage)`). */
const picked = new Map<string, Range>();

function showPicked() {
  if (picked.size === 0) CSS.highlights.delete("picked-passage");
  else CSS.highlights.set("picked-passage", new Highlight(...picked.values()));
}

/** The offset in `root`'s text of a selection boundary inside it. */
function offsetIn(root: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The DOM range of the text offsets `[start, end)` inside `root`. */
function rangeOf(root: HTMLElement, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && start <= seen + length) {
      range.setStart(node, start - seen);
      started = true;
    }
    if (started && end <= seen + length) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen += length;
  }
  return null;
}

/** Selects `[start, end)` of `root`'s text, `end` being where the selection's focus is. */
function selectOffsets(root: HTMLElement, start: number, end: number) {
  const from = rangeOf(root, start, start);
  const to = rangeOf(root, end, end);
  const sel = document.getSelection();
  if (!from || !to || !sel) return;
  sel.setBaseAndExtent(from.startContainer, from.startOffset, to.startContainer, to.startOffset);
}

/**
 * The source's text beside a citation, to select the quote in with the mouse or the keyboard
 * (it is a read-only text box, so the caret and Shift+arrows work as in any field). Each
 * selection is handed to `onPick` as exact offsets into the stored text. Passages other
 * entries already cite are highlighted; a selection overlapping one names those entries.
 */
export function SourcePassagePicker({ sourceId, id, onPick, current }: SourcePassagePickerProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [version, setVersion] = useState(0);
  const textRef = useRef<HTMLDivElement>(null);
  /** Where the caret or the selection was last in the text: [anchor, focus] offsets. */
  const caretRef = useRef<[number, number] | null>(null);
  const onPickRef = useRef(onPick);
  useEffect(() => {
    onPickRef.current = onPick;
  });

  useEffect(() => {
    // The row keys the panel by source: a new source is a new panel, loading from the start.
    let live = true;
    readSource(sourceId).then(
      (source) => live && setLoaded({ status: "ready", ...source }),
      () => live && setLoaded({ status: "failed" }),
    );
    return () => {
      live = false;
    };
  }, [sourceId]);

  const text = loaded.status === "ready" ? loaded.text : "";
  useEffect(() => {
    if (!text) return;
    const onChange = () => {
      const root = textRef.current;
      const sel = document.getSelection();
      if (!root || !sel || sel.rangeCount === 0) return;
      if (
        sel.anchorNode &&
        sel.focusNode &&
        root.contains(sel.anchorNode) &&
        root.contains(sel.focusNode)
      ) {
        caretRef.current = [
          offsetIn(root, sel.anchorNode, sel.anchorOffset),
          offsetIn(root, sel.focusNode, sel.focusOffset),
        ];
      }
      if (sel.isCollapsed) return;
      const range = sel.getRangeAt(0);
      if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return;
      let start = offsetIn(root, range.startContainer, range.startOffset);
      let end = offsetIn(root, range.endContainer, range.endOffset);
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end <= start) return;
      setSelection({ start, end });
      onPickRef.current({ quote: text.slice(start, end), start });
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [text]);

  const passages = useMemo(() => (loaded.status === "ready" ? loaded.passages : []), [loaded]);
  const segments = useMemo(() => (text ? segmentText(text, passages) : []), [text, passages]);

  // The quote's place is drawn with the CSS Custom Highlight API rather than markup: changing
  // the markup under a selection being made would destroy it.
  const currentStart = current?.start;
  const currentEnd = current?.end;
  useEffect(() => {
    const root = textRef.current;
    if (!root || currentStart === undefined || currentEnd === undefined) return;
    if (typeof CSS === "undefined" || !("highlights" in CSS)) return;
    const range = rangeOf(root, currentStart, currentEnd);
    if (!range) return;
    picked.set(id, range);
    showPicked();
    return () => {
      picked.delete(id);
      showPicked();
    };
  }, [id, currentStart, currentEnd, segments, version]);

  if (loaded.status === "loading")
    return (
      <p role="status" className="text-sm">
        Loading the source’s text…
      </p>
    );
  if (loaded.status === "failed")
    return (
      <p role="alert" className="text-sm text-red-800 dark:text-red-300">
        The source’s text could not be loaded. Close this panel and open it again, or paste the
        quote.
      </p>
    );

  const citedHere = selection
    ? passages.filter((p) => p.start < selection.end && selection.start < p.end)
    : [];
  // Typing in a contenteditable cannot always be cancelled (an IME's composition): if the DOM
  // changed anyway, the text is rendered afresh.
  const refuse = (event: FormEvent) => event.preventDefault();
  // Sentence steps: Alt+Shift+arrows move the selection's end a sentence on or back (word
  // steps are the text box's own Ctrl+Shift+arrows).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const root = textRef.current;
    const [anchor, focus] = caretRef.current ?? [0, 0];
    if (!root) return;
    event.preventDefault();
    const to =
      event.key === "ArrowRight"
        ? nextSentenceEnd(text, focus)
        : previousSentenceStart(text, focus);
    selectOffsets(root, anchor, to);
  };
  const selectSentence = () => {
    const root = textRef.current;
    const sentence = sentenceAt(text, caretRef.current?.[1] ?? 0);
    if (!root || !sentence) return;
    root.focus();
    selectOffsets(root, sentence.start, sentence.end);
  };

  return (
    <div className="space-y-2">
      <p id={`${id}-how`} className="text-sm text-slate-700 dark:text-slate-300">
        Select the words that support the status, with the mouse or the keyboard: Shift and the
        arrow keys by letter, with Ctrl by word, with Alt by sentence; or put the caret in a
        sentence and choose “Select this sentence”. The text cannot be changed here; the quote is
        filled in with exactly what you select.{" "}
        <mark className="rounded-sm bg-amber-100 px-0.5 text-inherit dark:bg-amber-900/60">
          Highlighted
        </mark>{" "}
        words are cited already.
      </p>
      <div
        key={version}
        ref={textRef}
        id={`${id}-text`}
        role="textbox"
        aria-multiline="true"
        aria-label={`Text of “${loaded.title}”`}
        aria-describedby={`${id}-how ${id}-picked`}
        contentEditable
        suppressContentEditableWarning
        spellCheck={false}
        onBeforeInput={refuse}
        onPaste={refuse}
        onCut={refuse}
        onDrop={refuse}
        onInput={() => setVersion((v) => v + 1)}
        onKeyDown={onKeyDown}
        className="max-h-[28rem] overflow-y-auto rounded border border-slate-400 bg-white p-3 font-serif leading-relaxed whitespace-pre-wrap caret-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:caret-slate-100"
      >
        {segments.map((segment) =>
          segment.spans.length === 0 ? (
            <span key={segment.start}>{segment.text}</span>
          ) : (
            <mark
              key={segment.start}
              className="rounded-sm bg-amber-100 text-inherit dark:bg-amber-900/60"
            >
              {segment.text}
            </mark>
          ),
        )}
      </div>
      <button
        type="button"
        onClick={selectSentence}
        className="rounded border border-slate-500 px-3 py-1.5 text-sm font-medium"
      >
        Select this sentence
      </button>
      <div id={`${id}-picked`} aria-live="polite" className="text-sm">
        {selection && (
          <p>Quote filled in from your selection ({selection.end - selection.start} characters).</p>
        )}
        {citedHere.length > 0 && (
          <div className="mt-1">
            <p className="font-medium">Already cited here by:</p>
            <ul className="list-disc pl-5">
              {citedHere.flatMap((p) =>
                p.entries.map((e) => (
                  <li key={`${p.start}-${p.end}-${e.attendanceId}-${e.status}`}>
                    <Link href={`/admin/entries/${e.attendanceId}`} target="_blank">
                      {e.leaderName}
                    </Link>{" "}
                    ({STATUS_LABELS[e.status].toLowerCase()}
                    {e.asOf ? `, as of ${e.asOf}` : ""}
                    {e.current ? "" : ", an earlier step"})
                  </li>
                )),
              )}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
