"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { CITATION_EVENT, type CitationEventDetail } from "@/components/ui/conflict-resolver";
import { Field, FieldError, inputClass } from "@/components/ui/field";
import type { FieldErrors, FieldHelp } from "@/lib/validation/errors";
import { AmbiguousPlaces, NearestPassage } from "./quote-help";
import { SourcePassagePicker, type PickedPassage } from "./source-passage-picker";
import { SourcePicker } from "./source-picker";

export type CitationValues = {
  sourceId?: number | string;
  quote?: string;
  start?: number | string;
};

export type CitationFieldsProps = {
  /** Before every field's id and name's error key (a page with several forms keeps ids apart). */
  idPrefix?: string;
  sources: { id: number; title: string; publisher: string; url: string }[];
  /** The rows to start with: the saved citations, or what the editor sent. */
  initial: CitationValues[];
  errors: FieldErrors;
  help?: Record<string, FieldHelp>;
  /** The sentence under the legend. */
  hint?: string;
  /** The legend. */
  legend?: string;
  /**
   * Rows start with no source chosen (else the first source), for a form whose trailing empty
   * row, ignored when left empty, is how to add a citation without JavaScript.
   */
  blankRows?: boolean;
};

type Row = {
  key: number;
  sourceId: string;
  quote: string;
  /** The quote's start in the source when a selection or a chosen place settled it. */
  picked: PickedPassage | null;
  /** The server's help for this row as it was sent; dropped once the quote changes. */
  help?: FieldHelp;
  sentQuote: string;
};

let rowCounter = 0;
const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

const noop = () => () => {};
/** False in the server's HTML and before hydration: controls that need JavaScript wait for it. */
const useHydrated = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

/**
 * The citations of a step: for each, the source and the exact quote, typed, pasted or selected
 * in the source's text opened beside it. A quote that was not found offers the closest
 * passage; one found several times, each place to choose from. Focus follows "Add a citation"
 * into the new quote field and "Remove citation N" to the row before.
 */
export function CitationFields({
  idPrefix = "",
  sources,
  initial,
  errors,
  help = {},
  hint = "For each citation, choose the source, then select the words in its text or paste the exact words that support the status. The quote is checked against the stored text.",
  legend = "Citations",
  blankRows = false,
}: CitationFieldsProps) {
  const defaultSource = blankRows ? "" : str(sources[0]?.id);
  const [rows, setRows] = useState<Row[]>(() =>
    (initial.length ? initial : [{}]).map((c, i) => {
      const quote = c.quote ?? "";
      const start = c.start === undefined || c.start === "" ? null : Number(c.start);
      return {
        key: ++rowCounter,
        sourceId: str(c.sourceId) || defaultSource,
        quote,
        picked: start !== null && Number.isInteger(start) ? { quote: quote.trim(), start } : null,
        help: help[`citations.${i}.quote`],
        sentQuote: quote,
      };
    }),
  );
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfter.current === null) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  // A conflict's choices (ConflictResolver) take another save's citation over, or drop one.
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    const form = fieldsetRef.current?.closest("form");
    if (!form) return;
    const same = (r: Row, c: CitationEventDetail["citation"]) =>
      r.sourceId === String(c.sourceId) && r.quote.trim() === c.quote;
    const onCitation = (event: Event) => {
      const { action, citation } = (event as CustomEvent<CitationEventDetail>).detail;
      setRows((all) => {
        if (action === "remove") return all.filter((r) => !same(r, citation));
        if (all.some((r) => same(r, citation))) return all;
        const start = citation.start;
        const row: Row = {
          key: ++rowCounter,
          sourceId: String(citation.sourceId),
          quote: citation.quote,
          picked: start === undefined ? null : { quote: citation.quote, start },
          sentQuote: citation.quote,
        };
        // A lone empty row is the form's placeholder: the citation takes its place.
        const empty = all.length === 1 && !all[0]!.quote.trim();
        return empty ? [row] : [...all, row];
      });
    };
    form.addEventListener(CITATION_EVENT, onCitation);
    return () => form.removeEventListener(CITATION_EVENT, onCitation);
  }, []);

  const id = (i: number, field: string) => `${idPrefix}citations.${i}.${field}`;
  const update = (key: number, change: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));

  return (
    <fieldset ref={fieldsetRef} className="space-y-4">
      <legend className="font-semibold">{legend}</legend>
      <p className="text-sm text-slate-600 dark:text-slate-400">{hint}</p>
      <FieldError id={`${idPrefix}citations-error`} errors={errors.citations} />
      {rows.map((row, i) => (
        <CitationRow
          key={row.key}
          index={i}
          row={row}
          id={(field) => id(i, field)}
          errors={errors}
          sources={sources}
          removable={rows.length > 1}
          onChange={(change) => update(row.key, change)}
          onRemove={() => {
            // Focus goes to the row before (or the new first row), never to the page's body.
            focusAfter.current = id(Math.max(0, i - 1), "quote");
            setRows(rows.filter((r) => r.key !== row.key));
          }}
        />
      ))}
      <button
        type="button"
        onClick={() => {
          focusAfter.current = id(rows.length, "quote");
          setRows([
            ...rows,
            {
              key: ++rowCounter,
              sourceId: defaultSource,
              quote: "",
              picked: null,
              sentQuote: "",
            },
          ]);
        }}
        className="rounded border border-slate-500 px-3 py-1.5 text-sm font-medium"
      >
        Add a citation
      </button>
    </fieldset>
  );
}

type CitationRowProps = {
  index: number;
  row: Row;
  id: (field: string) => string;
  errors: FieldErrors;
  sources: CitationFieldsProps["sources"];
  removable: boolean;
  onChange: (change: Partial<Row>) => void;
  onRemove: () => void;
};

function CitationRow({
  index,
  row,
  id,
  errors,
  sources,
  removable,
  onChange,
  onRemove,
}: CitationRowProps) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const n = index + 1;
  const name = (field: string) => `citations.${index}.${field}`;
  const errorKey = `citations.${index}.quote`;
  // The server's help holds while the quote is the one it was given for.
  const help = row.help && row.quote === row.sentQuote ? row.help : undefined;
  const trimmed = row.quote.trim();
  // A place counts only for the words it was picked for: edited words are anchored afresh.
  const start = row.picked && row.picked.quote === trimmed ? row.picked.start : null;
  const sourceId = Number(row.sourceId);
  const pick = (picked: PickedPassage) => onChange({ quote: picked.quote, picked });
  const useAndFocus = (picked: PickedPassage) => {
    pick(picked);
    document.getElementById(id("quote"))?.focus();
  };

  return (
    <fieldset
      className={`rounded-lg border border-slate-300 p-4 dark:border-slate-700 ${open ? "lg:grid lg:grid-cols-2 lg:gap-4" : ""}`}
    >
      <legend className="px-1 font-medium">Citation {n}</legend>
      <div className="space-y-3">
        {removable && (
          <button
            type="button"
            onClick={onRemove}
            className="text-sm text-red-800 underline dark:text-red-300"
          >
            Remove citation {n}
          </button>
        )}
        <Field
          id={id("sourceId")}
          label={`Source of citation ${n}`}
          errors={errors[`citations.${index}.sourceId`]}
        >
          {(p) => (
            <SourcePicker
              field={p}
              name={name("sourceId")}
              sources={sources}
              value={row.sourceId}
              enhanced={hydrated}
              onChoose={(sourceId) => onChange({ sourceId, picked: null })}
            />
          )}
        </Field>
        <Field
          id={id("quote")}
          label={`Quote of citation ${n}`}
          // An error about other words than those in the field now would mislead.
          errors={row.quote === row.sentQuote ? errors[errorKey] : undefined}
        >
          {(p) => (
            <textarea
              {...p}
              name={name("quote")}
              rows={3}
              maxLength={5000}
              value={row.quote}
              onChange={(e) => onChange({ quote: e.target.value })}
              className={inputClass}
            />
          )}
        </Field>
        {help?.kind === "ambiguous" ? (
          <AmbiguousPlaces
            id={id("place")}
            name={name("start")}
            help={help}
            chosen={start}
            onChoose={pick}
          />
        ) : (
          <input type="hidden" name={name("start")} value={start ?? ""} />
        )}
        {help?.kind === "nearest" && (
          <NearestPassage id={id("nearest")} help={help} typed={row.quote} onUse={useAndFocus} />
        )}
        {hydrated && sourceId > 0 && (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={open ? id("panel") : undefined}
            onClick={() => setOpen(!open)}
            className="rounded border border-slate-500 px-3 py-1.5 text-sm font-medium"
          >
            {open ? `Close the source’s text` : `Select the quote in the source’s text`}
          </button>
        )}
      </div>
      {hydrated && open && sourceId > 0 && (
        <div id={id("panel")} className="mt-3 lg:mt-0">
          <SourcePassagePicker
            key={sourceId}
            sourceId={sourceId}
            id={id("panel")}
            onPick={pick}
            current={start === null ? null : { start, end: start + trimmed.length }}
          />
        </div>
      )}
    </fieldset>
  );
}
