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

/** A passage of a source, by its offsets (`text.slice(start, end) === passage`). */
export type PassageRef = { start: number; end: number; passage: string };

/**
 * What the form can offer beside a field's error, so the editor can fix it in one step:
 * - `nearest`: the closest passage to a quote not found verbatim ("Use this passage");
 * - `ambiguous`: each place a quote occurs, with the words around it, to choose one;
 * - `existing-entry`: the entry the leader already has for the event;
 * - `existing-source`: the stored source with the same address or text.
 */
export type FieldHelp =
  | ({ kind: "nearest" } & PassageRef)
  | { kind: "ambiguous"; places: (PassageRef & { before: string; after: string })[] }
  | { kind: "existing-entry"; attendanceId: number }
  | { kind: "existing-source"; sourceId: number; title: string };

export type ConflictCitation = { sourceId: number; source?: string; quote: string; start?: number };

/** The result every admin form action returns to its form. */
export type FormState<Values = Record<string, unknown>> = {
  ok?: boolean;
  message?: string;
  errors?: FieldErrors;
  /** Help for some of the fields in `errors`, by the same keys. */
  help?: Record<string, FieldHelp>;
  /** What the editor entered, so nothing is lost when saving fails. */
  values?: Values;
  /** Set when someone else saved first: what they changed, and the version to save over. */
  conflict?: {
    version: number;
    changes: { field: string; theirs: string; yours: string }[];
    /** What the editor can keep of the other save (lib/history/conflict.ts). */
    choices?: {
      fields: { name: string; label: string; theirs: string; text: string }[];
      added: ConflictCitation[];
      removed: ConflictCitation[];
    };
    /** The other save was the same editor's, in another session (another tab or device). */
    sameAccount?: boolean;
    savedByName?: string;
  };
  /** What "Fetch" or "Fetch again" found at the source's address, for the form to say. */
  fetched?: FetchNotice;
  /** Leaders the new one may be a second record of, for the form to link to. */
  duplicates?: { id: number; name: string; office: string; polity: string }[];
};

/** What a fetch of a source's page found (the values themselves are in the form's values). */
export type FetchNotice = {
  /** The address the page came from, after redirects. */
  url: string;
  fetchedAt: string;
  publishedOn: string | null;
  modifiedOn: string | null;
  language: string;
  /** The length of the text read from it. */
  characters: number;
  /** Fetch again: the page's text is still that of this version. */
  unchanged?: number;
  /** Fetch again: the page's new text, in the form, would be this version. */
  nextVersion?: number;
};
