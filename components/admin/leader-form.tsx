"use client";

import Link from "next/link";
import { useFormPermalink } from "@/components/ui/form-permalink";
import { useActionState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/validation/errors";
import { DuplicateLeaderWarning } from "./duplicate-leader-warning";
import { formKey } from "./form-key";

export type LeaderFormProps = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: {
    /** The leader being edited; absent when creating one. */
    id?: number;
    version?: number;
    name: string;
    office: string;
    polity: string;
    countryCode: string | null;
    aliases: string[];
    wikidataId: string | null;
  };
  submitLabel?: string;
};

export function LeaderForm({ action, initial, submitLabel = "Save leader" }: LeaderFormProps) {
  const permalink = useFormPermalink();
  const [state, formAction] = useActionState<FormState, FormData>(action, {}, permalink);
  const key = formKey(state);
  const v = (state.values ?? {
    ...initial,
    aliases: initial.aliases.join("\n"),
    wikidataId: initial.wikidataId ?? "",
  }) as Record<string, unknown>;
  const value = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : "");
  const errors = state.errors ?? {};
  return (
    <form action={formAction} className="max-w-xl space-y-4" noValidate key={key}>
      <FormMessage state={state} />
      {initial.version !== undefined && (
        <input type="hidden" name="version" value={state.conflict?.version ?? initial.version} />
      )}
      <Field id="name" label="Name" errors={errors.name}>
        {(p) => (
          <input
            {...p}
            name="name"
            defaultValue={value("name")}
            maxLength={200}
            className={inputClass}
          />
        )}
      </Field>
      {state.duplicates && state.duplicates.length > 0 ? (
        <div className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950 dark:border-amber-300 dark:bg-slate-900 dark:text-amber-100">
          <ul className="list-disc pl-5">
            {state.duplicates.map((d) => (
              <li key={d.id}>
                There is already{" "}
                <Link href={`/admin/leaders/${d.id}`}>
                  {d.name} ({d.office}, {d.polity})
                </Link>
              </li>
            ))}
          </ul>
          <label className="mt-2 flex items-center gap-2">
            <input type="checkbox" name="confirmDuplicate" value="yes" />
            This is another person: save a separate record
          </label>
        </div>
      ) : (
        <DuplicateLeaderWarning inputIds={["name", "aliases"]} excludeId={initial.id} />
      )}
      <Field id="office" label="Office" errors={errors.office}>
        {(p) => (
          <input
            {...p}
            name="office"
            defaultValue={value("office")}
            maxLength={200}
            className={inputClass}
          />
        )}
      </Field>
      <Field id="polity" label="Country or entity" errors={errors.polity}>
        {(p) => (
          <input
            {...p}
            name="polity"
            defaultValue={value("polity")}
            maxLength={200}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="countryCode"
        label="ISO country code"
        hint="Two letters, such as VE; empty if none"
        errors={errors.countryCode}
      >
        {(p) => (
          <input
            {...p}
            name="countryCode"
            defaultValue={value("countryCode")}
            maxLength={2}
            className={`${inputClass} uppercase`}
          />
        )}
      </Field>
      <Field
        id="aliases"
        label="Aliases"
        hint="Other spellings and transliterations, one a line (such as Lukashenka). Searches find the leader by any of them."
        errors={
          errors.aliases ?? Object.entries(errors).find(([k]) => k.startsWith("aliases."))?.[1]
        }
      >
        {(p) => (
          <textarea
            {...p}
            name="aliases"
            defaultValue={value("aliases")}
            rows={3}
            maxLength={5000}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="wikidataId"
        label="Wikidata id"
        hint="Q and digits, such as Q312 (optional); linked from the leader's entries"
        errors={errors.wikidataId}
      >
        {(p) => (
          <input
            {...p}
            name="wikidataId"
            defaultValue={value("wikidataId")}
            maxLength={100}
            autoCapitalize="characters"
            spellCheck={false}
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
