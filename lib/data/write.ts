import "server-only";
import { db } from "@/lib/db";
import { isDatabaseBusyError } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refusalMessage, roleCan, type Permission } from "@/lib/auth/roles";
import { conflictChoices, type ConflictChoices } from "@/lib/history/conflict";
import { diffSnapshots } from "@/lib/history/diff";
import type { FieldErrors, FieldHelp } from "@/lib/validation/errors";
import { attendanceAtVersion, attendanceSnapshot } from "./revisions";
import type { Editor } from "./session";

/** The machinery every write shares: results, failures, the transaction, version checks. */

export type Tx = Prisma.TransactionClient;

export type WriteFailure =
  | {
      ok: false;
      kind: "invalid";
      message: string;
      errors: FieldErrors;
      help?: Record<string, FieldHelp>;
    }
  | {
      ok: false;
      kind: "conflict";
      message: string;
      version: number;
      changes: { field: string; before: string; after: string }[];
      /** What the form can take of the other save, field by field and citation by citation. */
      choices?: ConflictChoices;
      /** Who made the save that came first (the entry's latest revision). */
      savedBy?: { actorId: string | null; actorName: string };
    }
  | { ok: false; kind: "not-found"; message: string }
  | { ok: false; kind: "forbidden"; message: string }
  | { ok: false; kind: "busy"; message: string };

export type WriteResult<T> = ({ ok: true } & T) | WriteFailure;

/**
 * The public records a write of an entry changed: the entry, its event (and the one it left)
 * and the sources it cites, whose pages the action revalidates (revalidatePublicPages).
 */
export type ChangedEntry = {
  attendanceId: number;
  eventSlug: string;
  previousEventSlug?: string;
  sourceIds: number[];
  /** The entry's leader, before and after: their pages list it with its status. */
  leaderIds: number[];
};

export const invalid = (
  errors: FieldErrors,
  message = "Some fields need attention; see below.",
  help?: Record<string, FieldHelp>,
): WriteFailure => ({ ok: false, kind: "invalid", message, errors, ...(help ? { help } : {}) });

export const notFound = (message: string): WriteFailure => ({
  ok: false,
  kind: "not-found",
  message,
});

/** Thrown inside a transaction to roll it back and hand a failure to the caller. */
export class Abort extends Error {
  constructor(readonly failure: WriteFailure) {
    super(failure.message);
  }
}

/**
 * Whether `editor` may do what `permission` names: null when allowed, else the refusal to
 * return. The one check of roles; `inTransaction` makes it before every write.
 */
export function authorize(editor: Editor, permission: Permission): WriteFailure | null {
  // Setting up two-factor sign-in is an own-account change: it must stay possible.
  if (editor.twoFactorMissing && permission !== "account:own") {
    return {
      ok: false,
      kind: "forbidden",
      message:
        "Two-factor sign-in is required on this site: set it up under Your account first. Nothing was saved.",
    };
  }
  if (roleCan(editor.role, permission)) return null;
  return { ok: false, kind: "forbidden", message: refusalMessage(editor.role, permission) };
}

/**
 * Runs a write of `editor`'s in one transaction, once `authorize` allows `permission`. A
 * database too busy to take it (another process held the lock past the busy timeout) is a
 * failure the editor can act on, not an error page: nothing was written and the form keeps
 * their input.
 */
export async function inTransaction<T>(
  editor: Editor,
  permission: Permission,
  fn: (tx: Tx) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  const refused = authorize(editor, permission);
  if (refused) return refused;
  try {
    return await db.$transaction(fn);
  } catch (error) {
    if (error instanceof Abort) return error.failure;
    if (isDatabaseBusyError(error)) {
      return {
        ok: false,
        kind: "busy",
        message:
          "The database was busy and nothing was saved. Your input is kept: save again in a moment.",
      };
    }
    throw error;
  }
}

/** Someone saved between the editor's load and save: what they changed, for the message. */
export async function conflict(tx: Tx, id: number, loadedVersion: number): Promise<WriteFailure> {
  const current = await attendanceSnapshot(tx, id);
  const loaded = await attendanceAtVersion(tx, id, loadedVersion);
  const changes = diffSnapshots(loaded, current);
  const last = await tx.revision.findFirst({
    where: { entityType: "attendance", entityId: id },
    orderBy: { id: "desc" },
    select: { actorId: true, actorName: true },
  });
  return {
    ok: false,
    kind: "conflict",
    message:
      "Someone else saved this entry after you opened it. Their changes are listed below; your input is kept. Review it and save again to apply it over theirs.",
    version: current?.version ?? loadedVersion,
    changes,
    choices: conflictChoices(loaded, current),
    ...(last ? { savedBy: last } : {}),
  };
}

/**
 * The entry a write starts from, inside its transaction: the failure to return when it is gone
 * or (when `version` is given) was saved by someone else since the editor loaded that version.
 */
export async function loadForWrite(tx: Tx, id: number, version: number | null, gone: string) {
  const current = await tx.attendance.findUnique({
    where: { id },
    include: { event: { select: { slug: true } } },
  });
  if (!current) return notFound(`This entry no longer exists; ${gone}`);
  if (version !== null && current.version !== version) return conflict(tx, id, version);
  return current;
}
