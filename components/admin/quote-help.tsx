"use client";

import Link from "next/link";
import { carriedStepQuery } from "@/lib/validation/carried-step";
import { describeStretch, quoteDifferences } from "@/lib/quotes/differences";
import type { FieldHelp } from "@/lib/validation/errors";

const buttonClass =
  "rounded border border-slate-600 bg-white px-3 py-1 text-sm font-medium text-slate-900 dark:border-slate-300 dark:bg-slate-900 dark:text-slate-100";

type Nearest = Extract<FieldHelp, { kind: "nearest" }>;
type Ambiguous = Extract<FieldHelp, { kind: "ambiguous" }>;

/** Most differences listed in words; a passage with more is simply a different passage. */
const LISTED = 4;

export type NearestPassageProps = {
  id: string;
  help: Nearest;
  /** The quote as the editor sent it. */
  typed: string;
  onUse: (passage: { quote: string; start: number }) => void;
};

/**
 * The source's closest passage to a quote that was not found, with what differs marked and
 * said in words (a curly apostrophe looks like a straight one), and a button that puts it in
 * the quote field.
 */
export function NearestPassage({ id, help, typed, onUse }: NearestPassageProps) {
  const parts = quoteDifferences(typed.trim(), help.passage);
  const changes = parts.filter((p) => !("same" in p));
  return (
    <div
      role="group"
      aria-labelledby={`${id}-title`}
      className="mt-2 space-y-2 rounded border border-amber-700 bg-amber-50 p-3 text-sm text-slate-900 dark:border-amber-400 dark:bg-slate-900 dark:text-slate-100"
    >
      <p id={`${id}-title`} className="font-medium">
        Closest passage in the source
      </p>
      <blockquote className="font-serif whitespace-pre-wrap">
        {parts.map((part, i) =>
          "same" in part ? (
            <span key={i}>{part.same}</span>
          ) : (
            <mark
              key={i}
              className="rounded-sm bg-amber-300 px-px font-bold text-slate-950 underline decoration-2"
            >
              {part.source || "⁁"}
            </mark>
          ),
        )}
      </blockquote>
      {changes.length > 0 && changes.length <= LISTED && (
        <ul className="list-disc pl-5">
          {changes.map((part, i) =>
            "same" in part ? null : (
              <li key={i}>
                The source has {describeStretch(part.source)} where you typed{" "}
                {describeStretch(part.typed)}.
              </li>
            ),
          )}
        </ul>
      )}
      <button
        type="button"
        className={buttonClass}
        onClick={() => onUse({ quote: help.passage, start: help.start })}
      >
        Use this passage
      </button>
    </div>
  );
}

export type AmbiguousPlacesProps = {
  id: string;
  /** The name of the field the chosen place's offset is sent in. */
  name: string;
  help: Ambiguous;
  chosen: number | null;
  onChoose: (place: { quote: string; start: number }) => void;
};

/**
 * Each place a quote occurs in its source, with the words around it, as radio buttons: the one
 * chosen is sent with the form and settles the quote (without JavaScript too).
 */
export function AmbiguousPlaces({ id, name, help, chosen, onChoose }: AmbiguousPlacesProps) {
  return (
    <fieldset className="mt-2 space-y-2 rounded border border-amber-700 bg-amber-50 p-3 text-sm text-slate-900 dark:border-amber-400 dark:bg-slate-900 dark:text-slate-100">
      <legend className="px-1 font-medium">Which place do you mean?</legend>
      {help.places.map((place, i) => (
        <label key={place.start} className="flex items-start gap-2">
          <input
            type="radio"
            name={name}
            value={place.start}
            id={`${id}-${i}`}
            // Uncontrolled: React resets a form after its action, to each field's default.
            defaultChecked={chosen === place.start}
            onChange={() => onChoose({ quote: place.passage, start: place.start })}
            className="mt-1"
          />
          <span className="font-serif">
            <span className="sr-only">Place {i + 1}: </span>
            {place.before}
            <mark className="rounded-sm bg-amber-300 px-px font-semibold text-slate-950">
              {place.passage}
            </mark>
            {place.after}
          </span>
        </label>
      ))}
      {chosen !== null && <p aria-live="polite">This place is saved when you save the form.</p>}
    </fieldset>
  );
}

export type ExistingEntryLinkProps = {
  help?: FieldHelp;
  /** The step typed into the refused form, carried to the existing entry's "Add a step". */
  step?: Parameters<typeof carriedStepQuery>[0];
};

/**
 * For "this leader already has an entry for this event": the way to that entry, taking what
 * was typed along (lib/validation/carried-step.ts).
 */
export function ExistingEntryLink({ help, step }: ExistingEntryLinkProps) {
  if (help?.kind !== "existing-entry") return null;
  const query = step ? carriedStepQuery(step) : "";
  return (
    <p className="mt-1 text-sm">
      <Link
        href={`/admin/entries/${help.attendanceId}${query ? `?${query}#add-step-heading` : ""}`}
      >
        Open the existing entry
      </Link>
      {query && " (the step you typed goes with you, into its “Add a step” form)"}
    </p>
  );
}
