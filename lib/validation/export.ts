import { z } from "zod";

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const EXPORT_FORMATS = ["wide", "long"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * How a CSV export is written, beside the list's own filters. Unlike a filter, an unknown
 * format is an error: quietly sending other columns would break the reader's script.
 */
export const exportOptionsSchema = z.object({
  format: z.preprocess(
    (value) => firstValue(value) || undefined,
    z.enum(EXPORT_FORMATS, { error: "format must be wide or long." }).default("wide"),
  ),
  bom: z.preprocess(firstValue, z.string().optional()).transform((value) => value === "1"),
});

export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export function parseExportOptions(
  params: URLSearchParams,
): { ok: true; options: ExportOptions } | { ok: false; message: string } {
  const result = exportOptionsSchema.safeParse(Object.fromEntries(params));
  if (result.success) return { ok: true, options: result.data };
  return { ok: false, message: result.error.issues.map((i) => i.message).join(" ") };
}
