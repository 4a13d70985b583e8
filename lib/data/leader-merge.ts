import "server-only";
import type { FieldErrors } from "@/lib/validation/errors";
import { inTransaction, type WriteFailure, type WriteResult } from "./write";
import { leaderData, leaderSnapshot, parseAliases } from "./leaders";
import { attendanceSnapshot, recordRevision } from "./revisions";
import type { Editor } from "./session";
import { searchKey } from "@/lib/text/search-key";

const invalid = (message: string, errors: FieldErrors = {}): WriteFailure => ({
  ok: false,
  kind: "invalid",
  message,
  errors,
});

/** What a merge changed: the leader kept, and the entries moved to it and their events. */
export type ChangedByMerge = { leaderId: number; eventSlugs: string[]; attendanceIds: number[] };

/**
 * Merges the leader `otherId` into `keepId`, two records of one person: every entry of the
 * other moves to the one kept (each entry's record says so), the other's name and aliases
 * become aliases of the kept one, and the other is removed; both leaders' revisions say so.
 * Refused when both have an entry for the same event: which status would be the person's is
 * for an editor to decide first.
 */
export async function mergeLeaders(
  editor: Editor,
  keepId: number,
  version: number,
  otherId: number,
): Promise<WriteResult<ChangedByMerge>> {
  return inTransaction<ChangedByMerge>(editor, "leader:merge", async (tx) => {
    const keep = await tx.leader.findUnique({ where: { id: keepId } });
    if (!keep)
      return { ok: false, kind: "not-found", message: "This leader no longer exists." } as const;
    if (otherId === keepId) {
      return invalid("Some fields need attention; see below.", {
        otherId: ["Choose another record: a leader cannot be merged into itself."],
      });
    }
    const other = await tx.leader.findUnique({ where: { id: otherId } });
    if (!other) {
      return invalid("Some fields need attention; see below.", {
        otherId: ["That leader no longer exists; it may have been merged or deleted."],
      });
    }
    if (keep.version !== version) {
      return {
        ok: false,
        kind: "conflict",
        message:
          "Someone else saved this leader after you opened it. Reload the page, check the record, and merge again.",
        version: keep.version,
        changes: [],
      } as const;
    }

    const moving = await tx.attendance.findMany({
      where: { leaderId: otherId },
      select: { id: true, eventId: true, event: { select: { slug: true, name: true } } },
    });
    const clashes = await tx.attendance.findMany({
      where: { leaderId: keepId, eventId: { in: moving.map((e) => e.eventId) } },
      select: { event: { select: { name: true } } },
    });
    if (clashes.length > 0) {
      const events = clashes.map((c) => c.event.name).join(", ");
      return invalid(
        `Nothing was merged: ${keep.name} and ${other.name} both have an entry for ${events}. One person has one entry per event: delete one of the two entries (or move it to another event) first, then merge.`,
      );
    }

    // One person after the merge: never named as the representative at an event where they
    // have an entry of their own (themself, or a delegation counted twice).
    const both = [keepId, otherId];
    const ownEvents = await tx.attendance.findMany({
      where: { leaderId: { in: both } },
      select: { eventId: true },
    });
    const represents = await tx.statusStep.findFirst({
      where: {
        representativeId: { in: both },
        attendance: { eventId: { in: [...new Set(ownEvents.map((e) => e.eventId))] } },
      },
      select: {
        attendance: {
          select: { leader: { select: { name: true } }, event: { select: { name: true } } },
        },
      },
    });
    if (represents) {
      const { leader, event } = represents.attendance;
      return invalid(
        `Nothing was merged: one of the two is named as ${leader.name}'s representative at ${event.name}, where the other has an entry of their own. Merged, the person would represent themself or be counted twice: change that step or that entry first, then merge.`,
      );
    }

    const summary = `${other.name} (#${other.id}) merged into ${keep.name} (#${keep.id})`;
    for (const entry of moving) {
      const before = await attendanceSnapshot(tx, entry.id);
      await tx.attendance.update({
        where: { id: entry.id },
        data: { leaderId: keepId, version: { increment: 1 } },
      });
      await recordRevision(tx, editor, {
        entityType: "attendance",
        entityId: entry.id,
        action: "update",
        before,
        after: await attendanceSnapshot(tx, entry.id),
        eventId: entry.eventId,
        summary,
      });
    }

    const keepAliases = parseAliases(keep.aliases);
    const seen = new Set([keep.name, ...keepAliases].map(searchKey));
    const aliases = [...keepAliases];
    for (const name of [other.name, ...parseAliases(other.aliases)]) {
      if (!seen.has(searchKey(name))) aliases.push(name);
      seen.add(searchKey(name));
    }
    const updated = await tx.leader.update({
      where: { id: keepId },
      data: {
        ...leaderData({
          name: keep.name,
          office: keep.office,
          polity: keep.polity,
          countryCode: keep.countryCode ?? other.countryCode,
          aliases,
          wikidataId: keep.wikidataId ?? other.wikidataId,
        }),
        version: { increment: 1 },
      },
    });
    const moved = `${moving.length} ${moving.length === 1 ? "entry" : "entries"} moved`;
    await recordRevision(tx, editor, {
      entityType: "leader",
      entityId: keepId,
      action: "update",
      before: leaderSnapshot(keep),
      after: { ...leaderSnapshot(updated), entries: `${moved} from #${other.id}` },
      summary: `${summary}: ${moved}`,
    });
    // Steps and entries naming the merged leader as a representative name the kept one.
    await tx.statusStep.updateMany({
      where: { representativeId: otherId },
      data: { representativeId: keepId },
    });
    await tx.attendance.updateMany({
      where: { representativeId: otherId },
      data: { representativeId: keepId },
    });
    await tx.leader.delete({ where: { id: otherId } });
    await recordRevision(tx, editor, {
      entityType: "leader",
      entityId: otherId,
      action: "delete",
      before: leaderSnapshot(other),
      after: null,
      summary: `${summary}: ${moved}`,
    });
    return {
      ok: true,
      leaderId: keepId,
      eventSlugs: [...new Set(moving.map((e) => e.event.slug))],
      attendanceIds: moving.map((e) => e.id),
    } as const;
  });
}
