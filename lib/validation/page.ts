import { z } from "zod";
import { decodeOffsetCursor } from "@/lib/api/cursor";

export const PAGE_LIMIT_DEFAULT = 500;
export const PAGE_LIMIT_MAX = 1000;

const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${PAGE_LIMIT_MAX}.`;

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const absentIfEmpty = (value: unknown) => {
  const v = firstValue(value);
  return v === "" ? undefined : v;
};

/**
 * `?limit=` and `?cursor=` of a paged API answer, read as how many entries from which offset.
 * A bad cursor is an error rather than a fresh start: a client that loops on `nextCursor`
 * must never go round forever.
 */
export const pageQuerySchema = z
  .object({
    limit: z.preprocess(
      absentIfEmpty,
      z.coerce
        .number({ error: LIMIT_MESSAGE })
        .int({ error: LIMIT_MESSAGE })
        .min(1, { error: LIMIT_MESSAGE })
        .max(PAGE_LIMIT_MAX, { error: LIMIT_MESSAGE })
        .default(PAGE_LIMIT_DEFAULT),
    ),
    cursor: z.preprocess(
      absentIfEmpty,
      z
        .string()
        .optional()
        .transform((cursor, ctx) => {
          if (cursor === undefined) return 0;
          const offset = decodeOffsetCursor(cursor);
          if (offset === null) {
            ctx.addIssue({
              code: "custom",
              message: "cursor is not one this API gave out: start again without it.",
            });
            return z.NEVER;
          }
          return offset;
        }),
    ),
  })
  .transform(({ limit, cursor }) => ({ limit, offset: cursor }));

export type PageQuery = z.infer<typeof pageQuerySchema>;

export function parsePageQuery(
  params: URLSearchParams,
): { ok: true; page: PageQuery } | { ok: false; message: string } {
  const result = pageQuerySchema.safeParse({
    limit: params.get("limit") ?? undefined,
    cursor: params.get("cursor") ?? undefined,
  });
  if (result.success) return { ok: true, page: result.data };
  return { ok: false, message: result.error.issues.map((i) => i.message).join(" ") };
}
