import { z } from "zod";

/** A database id from a URL segment or form field: a positive safe integer, written plainly. */
export const idSchema = z.coerce
  .string()
  .regex(/^[1-9][0-9]{0,15}$/, "Not a valid id.")
  .transform(Number)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

export function parseId(value: unknown): number | null {
  const result = idSchema.safeParse(value);
  return result.success ? result.data : null;
}
