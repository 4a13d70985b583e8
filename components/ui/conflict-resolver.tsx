"use client";

import { useRef, useState } from "react";
import type { ConflictCitation, FormState } from "@/lib/validation/errors";

type Choices = NonNullable<NonNullable<FormState["conflict"]>["choices"]>;

/** The event a form's citation fields (CitationFields) listen to, to take or drop a citation. */
export const CITATION_EVENT = "rollcall:citation";
export type CitationEventDetail = { action: "add" | "remove"; citation: ConflictCitation };

export type ConflictResolverProps = { choices: Choices; sameAccount?: boolean };

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Sets a form field as the editor would, so the form's own handlers see the change. */
function setField(form: HTMLFormElement, name: string, value: string) {
  const field = form.elements.namedItem(name);
  if (field instanceof RadioNodeList) {
    const radio = [...field].find((r) => (r as HTMLInputElement).value === value);
    (radio as HTMLInputElement | undefined)?.click();
    return;
  }
  const control = field as Control | null;
  if (!control) return;
  if (name === "leaderId") {
    // The existing-leader choice shows the leader list.
    (form.querySelector('input[name="leaderMode"][value="existing"]') as HTMLInputElement)?.click();
  }
  control.value = value;
  control.dispatchEvent(new Event("change", { bubbles: true }));
}

function getField(form: HTMLFormElement, name: string): string {
  const field = form.elements.namedItem(name);
  if (field instanceof RadioNodeList) return field.value;
  return (field as Control | null)?.value ?? "";
}

/**
 * After another save came first: for each field the other save changed, keep yours or theirs;
 * for each citation it added or removed, take that over too. Choices change the form's fields
 * in place, and saving then saves what is chosen over the other save.
 */
export function ConflictResolver({ choices, sameAccount }: ConflictResolverProps) {
  const ref = useRef<HTMLFieldSetElement>(null);
  const mine = useRef(new Map<string, string>());
  const [kept, setKept] = useState<Record<string, "yours" | "theirs">>({});
  const other = sameAccount ? "the other session’s" : "theirs";
  const form = () => ref.current?.closest("form") ?? null;

  const keep = (name: string, value: "yours" | "theirs", theirs: string) => {
    const f = form();
    if (!f) return;
    if (!mine.current.has(name)) mine.current.set(name, getField(f, name));
    setField(f, name, value === "theirs" ? theirs : mine.current.get(name)!);
    setKept((k) => ({ ...k, [name]: value }));
  };
  const citation = (action: CitationEventDetail["action"], c: ConflictCitation) =>
    form()?.dispatchEvent(
      new CustomEvent<CitationEventDetail>(CITATION_EVENT, { detail: { action, citation: c } }),
    );

  if (choices.fields.length + choices.added.length + choices.removed.length === 0) return null;
  return (
    <fieldset
      ref={ref}
      className="space-y-3 rounded border border-amber-700 bg-amber-50 p-3 text-slate-900 dark:border-amber-400 dark:bg-slate-900 dark:text-slate-100"
    >
      <legend className="px-1 font-semibold">What to keep</legend>
      {choices.fields.map((f) => (
        <fieldset key={f.name} className="space-y-1">
          <legend className="text-sm font-medium">{f.label}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`keep-${f.name}`}
              checked={(kept[f.name] ?? "yours") === "yours"}
              onChange={() => keep(f.name, "yours", f.theirs)}
            />
            Keep yours
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name={`keep-${f.name}`}
              checked={kept[f.name] === "theirs"}
              onChange={() => keep(f.name, "theirs", f.theirs)}
            />
            Keep {other}: {f.text}
          </label>
        </fieldset>
      ))}
      {choices.added.map((c, i) => (
        <label key={`added-${i}`} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            onChange={(e) => citation(e.target.checked ? "add" : "remove", c)}
          />
          <span>
            Keep the citation {sameAccount ? "the other session" : "they"} added: “{c.quote}”
            {c.source ? ` (${c.source})` : ""}
          </span>
        </label>
      ))}
      {choices.removed.map((c, i) => (
        <label key={`removed-${i}`} className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-1"
            onChange={(e) => citation(e.target.checked ? "remove" : "add", c)}
          />
          <span>
            Remove, as {sameAccount ? "the other session" : "they"} did, the citation “{c.quote}”
            {c.source ? ` (${c.source})` : ""}
          </span>
        </label>
      ))}
      <p className="text-sm">Then save: what you chose is saved over the other save.</p>
    </fieldset>
  );
}
