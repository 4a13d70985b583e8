import { z } from "zod";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "@/lib/text/slug";
import { textField } from "./fields";

/** A calendar date YYYY-MM-DD between 1900 and 2200 (an event always has one). */
const eventDateField = z
  .string({ error: "Enter the date." })
  .trim()
  .min(1, "Enter the date.")
  .pipe(
    z.iso
      .date({ error: "The date must be like 2025-05-09." })
      .refine(
        (v) => v >= "1900-01-01" && v <= "2200-12-31",
        "The date must be between 1900 and 2200.",
      ),
  );

/** Empty means "make it from the name and year" (the data layer does, lib/text/slug.ts). */
const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .max(SLUG_MAX_LENGTH, `The address can have at most ${SLUG_MAX_LENGTH} characters.`)
  .refine((v) => v === "" || SLUG_PATTERN.test(v), {
    message:
      "Use lower-case letters, digits and single hyphens between them, such as summit-2026; or leave it empty to make it from the name.",
  })
  .optional()
  .transform((v) => v ?? "");

/** The last day: empty for a one-day event (then it is the first day). */
const endDateField = z
  .string()
  .trim()
  .optional()
  .transform((v) => v ?? "")
  .pipe(
    z.union([
      z.literal(""),
      z.iso
        .date({ error: "The last day must be like 2025-09-01, or empty for a one-day event." })
        .refine(
          (v) => v >= "1900-01-01" && v <= "2200-12-31",
          "The last day must be between 1900 and 2200.",
        ),
    ]),
  );

export const eventFormSchema = z
  .object({
    name: textField("Name", 200),
    /** The first day. */
    date: eventDateField,
    endDate: endDateField,
    place: textField("Place", 200),
    occasion: textField("Occasion", 500),
    slug: slugField,
  })
  .transform((value, ctx) => {
    const endDate = value.endDate || value.date;
    if (endDate < value.date) {
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: "The last day cannot come before the first day.",
      });
      return z.NEVER;
    }
    return { ...value, endDate };
  });

export type EventInput = z.output<typeof eventFormSchema>;

/** The delete form has no field of its own: its page is the confirmation (`/admin/events/[id]/delete`). */
export const eventDeleteSchema = z.object({});
