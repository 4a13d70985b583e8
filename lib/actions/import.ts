"use server";

import { redirect } from "next/navigation";
import { IMPORT_MAX_BYTES } from "@/lib/csv/import-file";
import { applyImport, previewImport } from "@/lib/data/import";
import type { ImportPreview } from "@/lib/data/import-types";
import { getEditor, SIGNED_OUT_MESSAGE } from "@/lib/data/session";
import { idSchema } from "@/lib/validation/id";
import { revalidatePublicPages } from "./revalidate";

/** What the import page shows after a dry run: its rows, or why there are none. */
export type ImportState = { message?: string; preview?: ImportPreview };

const field = (formData: unknown, name: string) =>
  formData instanceof FormData ? formData.get(name) : null;

/**
 * The dry run: reads the uploaded file and says, row by row, what applying it would do.
 * Writes nothing. Bound: the event's id.
 */
export async function previewImportAction(
  eventId: unknown,
  _previous: ImportState,
  formData: unknown,
): Promise<ImportState> {
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE };
  const id = idSchema.safeParse(eventId);
  if (!id.success) return { message: "This event does not exist." };
  const file = field(formData, "file");
  let bytes: Uint8Array;
  if (file instanceof File) {
    if (file.size === 0) return { message: "Choose a CSV file to import." };
    if (file.size > IMPORT_MAX_BYTES)
      return {
        message: `The file is larger than 10 MB (${(file.size / 1024 / 1024).toFixed(1)} MB): split it into smaller files and import each.`,
      };
    bytes = new Uint8Array(await file.arrayBuffer());
  } else if (typeof file === "string" && file.length > 0) {
    // A client that sends the file's text as a plain field (a script, a test) is read the same.
    bytes = new TextEncoder().encode(file);
  } else {
    return { message: "Choose a CSV file to import." };
  }
  const result = await previewImport(editor, id.data, bytes);
  if (!result.ok) return { message: result.message };
  return { preview: result.preview };
}

/** Writes the rows the dry run accepted, from its signed token. Bound: the event's id. */
export async function applyImportAction(
  eventId: unknown,
  _previous: ImportState,
  formData: unknown,
): Promise<ImportState> {
  const editor = await getEditor();
  if (!editor) return { message: SIGNED_OUT_MESSAGE };
  const id = idSchema.safeParse(eventId);
  if (!id.success) return { message: "This event does not exist." };
  const token = field(formData, "token");
  if (typeof token !== "string" || token.length === 0 || token.length > 16_000_000)
    return { message: "Nothing to apply: run the dry run first. Nothing was saved." };
  const result = await applyImport(editor, id.data, token);
  if (!result.ok) return { message: result.message };

  await revalidatePublicPages({
    eventSlugs: [result.eventSlug],
    attendanceIds: result.attendanceIds,
    sourceIds: result.sourceIds,
    leaderIds: result.leaderIds,
  });
  redirect(
    `/admin/events/${id.data}/import?added=${result.added}&skipped=${result.skipped}&leaders=${result.leadersCreated}`,
  );
}
