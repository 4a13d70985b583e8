import "server-only";
import type { z } from "zod";
import type { WriteFailure } from "@/lib/data/write";
import { getEditor, SIGNED_OUT_MESSAGE, type Editor } from "@/lib/data/session";
import { fieldErrors, type FormState } from "@/lib/validation/errors";
import { versionField } from "@/lib/validation/fields";
import { formDataToObject } from "@/lib/validation/form-data";
import { idSchema } from "@/lib/validation/id";

/**
 * A data-layer failure as the form shows it, with the editor's input kept. A conflict says
 * who saved first: "another session" when it was the same editor (another tab or device).
 */
export async function failureState(
  failure: WriteFailure,
  values: Record<string, unknown>,
): Promise<FormState> {
  if (failure.kind === "invalid") {
    const help = failure.help ? { help: failure.help } : {};
    return { message: failure.message, errors: failure.errors, ...help, values };
  }
  if (failure.kind === "conflict") {
    const editor = failure.savedBy ? await getEditor() : null;
    const sameAccount = Boolean(editor && failure.savedBy?.actorId === editor.id);
    // The data layer's sentence, told as it happened: by the same editor, it was another session.
    const said = sameAccount
      ? failure.message.replace(
          /^Someone else saved (this \w+) after you opened it\./,
          "You saved $1 in another session (another tab or device) after opening this form.",
        )
      : failure.message;
    const message = failure.choices
      ? `${said} Under “What to keep”, choose field by field and citation by citation.`
      : said;
    return {
      message,
      values,
      conflict: {
        version: failure.version,
        changes: failure.changes.map((c) => ({ field: c.field, theirs: c.after, yours: c.before })),
        ...(failure.choices ? { choices: failure.choices, sameAccount } : {}),
        ...(failure.savedBy ? { savedByName: failure.savedBy.actorName } : {}),
      },
    };
  }
  return { message: failure.message, values };
}

/** The origin `safeReturnPath` resolves against; only its own paths come out. */
const SAME_SITE = "http://rollcall.invalid";

/**
 * A return path after sign-in: only this site's own paths, never another origin, and
 * percent-encoded, since it goes into a Location header (a raw "/é" made that throw).
 *
 * What is checked is what comes out: the URL parser resolves dot segments and drops tabs and
 * newlines, so "/..//evil.example" and "/\t/evil.example" come out as "//evil.example",
 * which a browser reads as another host. A result must start with one "/" and then neither
 * "/" nor "\\", and resolve to this site.
 */
export function safeReturnPath(value: unknown, fallback = "/admin"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  let path: string;
  try {
    const url = new URL(value.slice(0, 500), SAME_SITE);
    if (url.origin !== SAME_SITE) return fallback;
    path = `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
  if (!/^\/(?![/\\])/.test(path)) return fallback;
  // Belt and braces: read back as a browser would read the Location header.
  return new URL(path, SAME_SITE).origin === SAME_SITE ? path : fallback;
}

type ReadFormResult<T> =
  | { ok: false; state: FormState }
  | {
      ok: true;
      editor: Editor;
      values: Record<string, unknown>;
      data: T;
      id: number;
      version: number;
    };

/**
 * Steps 1 and 2 of every editing action: who is calling (the session, checked here, not by the
 * page), then what they sent: the bound id, the version the form was loaded at and the fields,
 * validated with the form's schema. Any failure comes back as the form's state, with the
 * editor's input kept; nothing has touched the database.
 */
export async function readForm<T>(
  /** Whatever the client sent as the form: FormData from a browser, anything when forged. */
  formData: unknown,
  schema: z.ZodType<T>,
  target?: { id: unknown; what: string },
): Promise<ReadFormResult<T>> {
  const values = formDataToObject(formData);
  const editor = await getEditor();
  if (!editor) return { ok: false, state: { message: SIGNED_OUT_MESSAGE, values } };

  let id = 0;
  let version = 0;
  if (target) {
    const parsedId = idSchema.safeParse(target.id);
    if (!parsedId.success)
      return { ok: false, state: { message: `This ${target.what} does not exist.`, values } };
    const parsedVersion = versionField.safeParse(values.version);
    if (!parsedVersion.success) {
      return { ok: false, state: { message: parsedVersion.error.issues[0]!.message, values } };
    }
    id = parsedId.data;
    version = parsedVersion.data;
  }

  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    return {
      ok: false,
      state: {
        message: "Some fields need attention; see below.",
        errors: fieldErrors(parsed.error),
        values,
      },
    };
  }
  return { ok: true, editor, values, data: parsed.data, id, version };
}
