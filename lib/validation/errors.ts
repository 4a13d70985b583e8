import type { z } from "zod";

/** Field errors keyed by dotted path (`citations.0.quote`), first message per field. */
export type FieldErrors = Record<string, string[]>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The result every admin form action returns to its form. */
export type FormState<Values = Record<string, unknown>> = {
  ok?: boolean;
  message?: string;
  errors?: FieldErrors;
  /** What the editor entered, so nothing is lost when saving fails. */
  values?: Values;
  /** Set when someone else saved first: what they changed, and the version to save over. */
  conflict?: { version: number; changes: { field: string; theirs: string; yours: string }[] };
  /** Leaders the new one may be a second record of, for the form to link to. */
  duplicates?: { id: number; name: string; office: string; polity: string }[];
};
