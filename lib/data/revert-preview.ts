import "server-only";
import { db } from "@/lib/db";
import { diffSnapshots, type FieldChange } from "@/lib/history/diff";
import { attendanceSnapshot } from "./revisions";

export type RevertPreview = {
  attendanceId: number;
  /** The version the entry is at now: the revert is refused over a newer one. */
  version: number;
  leader: string;
  event: string;
  revision: { id: number; createdAt: string; actorName: string };
  /** What restoring changes: `before` is the entry now, `after` the version restored. */
  changes: FieldChange[];
};

/**
 * What restoring an entry to a past revision would change, for the confirmation asked before
 * doing it. Null when the entry or the revision does not exist or cannot be restored.
 */
export async function getRevertPreview(
  attendanceId: number,
  revisionId: number,
): Promise<RevertPreview | null> {
  const [now, revision] = await Promise.all([
    attendanceSnapshot(db, attendanceId),
    db.revision.findUnique({ where: { id: revisionId } }),
  ]);
  if (!now || !revision?.after) return null;
  if (revision.entityType !== "attendance" || revision.entityId !== attendanceId) return null;
  const restored = JSON.parse(revision.after) as Record<string, unknown>;
  return {
    attendanceId,
    version: now.version,
    leader: now.leader,
    event: now.event,
    revision: {
      id: revision.id,
      createdAt: revision.createdAt.toISOString(),
      actorName: revision.actorName,
    },
    changes: diffSnapshots(now, restored),
  };
}
