import "server-only";
import type { WriteFailure } from "@/lib/data/attendance-admin";
import type { FormState } from "@/lib/validation/errors";

/** A data-layer failure as the form shows it, with the editor's input kept. */
export function failureState(failure: WriteFailure, values: Record<string, unknown>): FormState {
  if (failure.kind === "invalid")
    return { message: failure.message, errors: failure.errors, values };
  if (failure.kind === "conflict") {
    return {
      message: failure.message,
      values,
      conflict: {
        version: failure.version,
        changes: failure.changes.map((c) => ({ field: c.field, theirs: c.after, yours: c.before })),
      },
    };
  }
  return { message: failure.message, values };
}

/** A return path after sign-in: only this site's own paths, never another origin. */
export function safeReturnPath(value: unknown, fallback = "/admin"): string {
  if (
    typeof value !== "string" ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.includes("\\")
  ) {
    return fallback;
  }
  return value.slice(0, 500);
}
