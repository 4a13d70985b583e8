import "server-only";
import type { SourceFetchDTO, SourceFetchResult } from "@/lib/data/source-snapshots";
import type { SourceForEdit } from "@/lib/data/sources-admin";
import type { FormState } from "@/lib/validation/errors";

/** Whether a source form was sent by its "Fetch" button rather than to save. */
export const wantsFetch = (formData: unknown) =>
  formData instanceof FormData && formData.get("intent") === "fetch";

const notice = (f: SourceFetchDTO) => ({
  url: f.url,
  fetchedAt: f.fetchedAt,
  publishedOn: f.publishedOn,
  modifiedOn: f.modifiedOn,
  language: f.language,
  characters: f.text.length,
});

/**
 * A refused fetch: the reason beside the address. Its values are the fetch form's only, so
 * the source's fields keep what the editor typed (components/admin/source-form.tsx).
 */
function refused(message: string, url: unknown): FormState {
  return {
    message: "The page was not fetched; see below.",
    errors: { fetchUrl: [message] },
    values: { fetchUrl: url },
  };
}

/** "Fetch" on the new-source form: every field filled from the page, for the editor to check. */
export function fetchedForNewSource(result: SourceFetchResult, url: string): FormState {
  if (!result.ok) return refused(result.message, url);
  if (!("fetched" in result)) return {};
  const f = result.fetched;
  return {
    fetched: notice(f),
    values: {
      title: f.title,
      publisher: f.publisher,
      url: f.url,
      publishedOn: f.publishedOn ?? "",
      dateNote: "",
      language: f.language,
      text: f.text,
      snapshotId: String(f.snapshotId),
    },
  };
}

/**
 * "Fetch again" on a source's form: a new text goes into the form as the next version, with
 * the publisher's modified day as the day it changed, beside the source's stored fields. The
 * save is the usual one, which relocates the citations. An unchanged page changes nothing.
 */
export function fetchedForSource(
  result: SourceFetchResult,
  source: SourceForEdit,
  url: string,
): FormState {
  if (!result.ok) return refused(result.message, url);
  if ("unchanged" in result) {
    return {
      fetched: {
        url,
        fetchedAt: result.unchanged.fetchedAt,
        publishedOn: null,
        modifiedOn: null,
        language: "",
        characters: source.text.length,
        unchanged: result.unchanged.version,
      },
    };
  }
  const f = result.fetched;
  return {
    fetched: { ...notice(f), nextVersion: result.nextVersion },
    values: {
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      publishedOn: source.publishedOn ?? "",
      dateNote: source.dateNote,
      language: source.language || f.language,
      text: f.text,
      textChangedOn: f.modifiedOn ?? "",
      snapshotId: String(f.snapshotId),
    },
  };
}
