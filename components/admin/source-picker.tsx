"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { inputClass } from "@/components/ui/field";
import {
  filterSourceChoices,
  sourceChoiceLabel,
  sourceIdOfChoice,
  type SourceChoice,
} from "@/lib/sources/source-choice";

export type SourcePickerProps = {
  /** The input's id, label and error wiring, from <Field>. */
  field: { id: string; "aria-describedby": string; "aria-invalid": boolean };
  name: string;
  sources: readonly SourceChoice[];
  /** The chosen source's id, or what was typed, as the form last had it. */
  value: string;
  /** False until hydrated: then the picker is a text field with a <datalist>. */
  enhanced: boolean;
  onChoose: (sourceId: string) => void;
};

const MAX_SHOWN = 50;

/**
 * A searchable source picker. Without JavaScript: a text field whose <datalist> the browser
 * filters as one types, sending the chosen name ("Title — Publisher (#5)"), which the schema
 * reads the id from. With it: a combobox (WAI-ARIA's list autocomplete pattern) filtering by
 * title, publisher or address, chosen with the arrow keys and Enter or by pointer; a hidden
 * field sends the id.
 */
export function SourcePicker({
  field,
  name,
  sources,
  value,
  enhanced,
  onChoose,
}: SourcePickerProps) {
  const listId = useId();
  const chosenId = sourceIdOfChoice(value);
  const chosen = sources.find((s) => s.id === chosenId);
  const [query, setQuery] = useState(chosen ? sourceChoiceLabel(chosen) : value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  if (!enhanced) {
    return (
      <>
        <input
          {...field}
          name={name}
          list={listId}
          defaultValue={chosen ? sourceChoiceLabel(chosen) : value}
          autoComplete="off"
          placeholder="Type a title, publisher or address"
          className={inputClass}
        />
        <datalist id={listId}>
          {sources.map((s) => (
            <option key={s.id} value={sourceChoiceLabel(s)} label={s.url} />
          ))}
        </datalist>
      </>
    );
  }

  const matches = filterSourceChoices(
    sources,
    chosen && query === sourceChoiceLabel(chosen) ? "" : query,
  );
  const shown = matches.slice(0, MAX_SHOWN);
  const choose = (s: SourceChoice) => {
    setQuery(sourceChoiceLabel(s));
    setOpen(false);
    onChoose(String(s.id));
  };
  const optionId = (i: number) => `${listId}-option-${i}`;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
        return;
      }
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (shown.length === 0 ? 0 : (i + step + shown.length) % shown.length));
    } else if (e.key === "Enter" && open && shown[active]) {
      // Enter chooses the highlighted source; it does not submit the form.
      e.preventDefault();
      choose(shown[active]!);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="relative">
      <input
        {...field}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
        autoComplete="off"
        placeholder="Type a title, publisher or address"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          const id = sourceIdOfChoice(e.target.value);
          onChoose(id && sources.some((s) => s.id === id) ? String(id) : "");
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        className={inputClass}
      />
      <input type="hidden" name={name} value={chosen ? String(chosen.id) : ""} />
      <ul
        id={listId}
        role="listbox"
        aria-label="Sources"
        hidden={!open}
        className="absolute z-10 mt-1 max-h-72 w-full overflow-auto rounded border border-slate-400 bg-white shadow-lg dark:border-slate-600 dark:bg-slate-900"
      >
        {shown.map((s, i) => (
          <li
            key={s.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            // Chosen before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(s);
            }}
            className={`cursor-pointer px-2 py-1.5 text-sm ${i === active ? "bg-blue-100 dark:bg-slate-700" : ""}`}
          >
            <span className="font-medium">{s.title}</span> — {s.publisher}
            <span className="block truncate text-xs text-slate-600 dark:text-slate-400">
              {s.url}
            </span>
          </li>
        ))}
        {shown.length === 0 && (
          <li
            role="option"
            aria-selected={false}
            aria-disabled="true"
            className="px-2 py-1.5 text-sm"
          >
            No source matches “{query}”.
          </li>
        )}
      </ul>
      <p aria-live="polite" className="sr-only">
        {open
          ? `${matches.length} ${matches.length === 1 ? "source matches" : "sources match"}`
          : ""}
      </p>
    </div>
  );
}
