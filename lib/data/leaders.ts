import "server-only";
import { db } from "@/lib/db";
import { leaderSearchKey } from "@/lib/text/search-key";
import type { leaderSchema } from "@/lib/validation/attendance";
import type { z } from "zod";
import { inTransaction, type WriteResult } from "./write";
import { recordRevision } from "./revisions";
import type { Editor } from "./session";

export type LeaderOption = { id: number; name: string; polity: string };

/** Every leader for the entry form's picker, by name. */
export async function listLeaderOptions(): Promise<LeaderOption[]> {
  return db.leader.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, polity: true },
  });
}

export type LeaderAdminRow = LeaderOption & {
  office: string;
  countryCode: string | null;
  entryCount: number;
};

export async function listLeadersAdmin(
  page = 1,
  pageSize = 100,
): Promise<{ rows: LeaderAdminRow[]; hasMore: boolean }> {
  const rows = await db.leader.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize + 1,
    select: {
      id: true,
      name: true,
      office: true,
      polity: true,
      countryCode: true,
    },
  });
  const leaders = rows.slice(0, pageSize);
  // Counted for this page's leaders only: Prisma's `_count` groups the whole table first.
  const counts = await db.attendance.groupBy({
    by: ["leaderId"],
    where: { leaderId: { in: leaders.map((l) => l.id) } },
    _count: { _all: true },
  });
  const countById = new Map(counts.map((c) => [c.leaderId, c._count._all]));
  return {
    rows: leaders.map((r) => ({ ...r, entryCount: countById.get(r.id) ?? 0 })),
    hasMore: rows.length > pageSize,
  };
}

export type LeaderForEdit = {
  id: number;
  version: number;
  name: string;
  office: string;
  polity: string;
  countryCode: string | null;
  entries: { id: number; event: string; eventSlug: string }[];
};

export async function getLeaderForEdit(id: number): Promise<LeaderForEdit | null> {
  const row = await db.leader.findUnique({
    where: { id },
    include: {
      attendances: {
        take: 50,
        select: { id: true, event: { select: { name: true, slug: true } } },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    office: row.office,
    polity: row.polity,
    countryCode: row.countryCode,
    entries: row.attendances.map((a) => ({
      id: a.id,
      event: a.event.name,
      eventSlug: a.event.slug,
    })),
  };
}

type LeaderInput = z.output<typeof leaderSchema>;
const leaderSnapshot = (l: LeaderInput & { version: number }) => ({
  version: l.version,
  name: l.name,
  office: l.office,
  polity: l.polity,
  countryCode: l.countryCode,
});

export async function updateLeader(
  editor: Editor,
  id: number,
  version: number,
  input: LeaderInput,
): Promise<WriteResult<{ eventSlugs: string[]; attendanceIds: number[] }>> {
  return inTransaction<{ eventSlugs: string[]; attendanceIds: number[] }>(async (tx) => {
    const current = await tx.leader.findUnique({
      where: { id },
      include: { attendances: { select: { id: true, event: { select: { slug: true } } } } },
    });
    if (!current)
      return { ok: false, kind: "not-found", message: "This leader no longer exists." } as const;
    if (current.version !== version) {
      return {
        ok: false,
        kind: "conflict",
        message:
          "Someone else saved this leader after you opened it. Their version is shown below; your input is kept.",
        version: current.version,
        changes: (["name", "office", "polity", "countryCode"] as const)
          .filter((f) => (current[f] ?? "") !== (input[f] ?? ""))
          .map((f) => ({
            field: f,
            before: String(input[f] ?? "—"),
            after: String(current[f] ?? "—"),
          })),
      } as const;
    }
    const updated = await tx.leader.update({
      where: { id },
      data: { ...input, searchText: leaderSearchKey(input), version: { increment: 1 } },
    });
    await recordRevision(tx, editor, {
      entityType: "leader",
      entityId: id,
      action: "update",
      before: leaderSnapshot(current),
      after: leaderSnapshot(updated),
    });
    return {
      ok: true,
      eventSlugs: [...new Set(current.attendances.map((a) => a.event.slug))],
      attendanceIds: current.attendances.map((a) => a.id),
    } as const;
  });
}

export async function deleteLeader(
  editor: Editor,
  id: number,
  version: number,
): Promise<WriteResult<object>> {
  return inTransaction<object>(async (tx) => {
    const current = await tx.leader.findUnique({ where: { id } });
    if (!current)
      return { ok: false, kind: "not-found", message: "This leader no longer exists." } as const;
    // A count by index, not `_count`, which groups the whole table inside this write transaction.
    const n = await tx.attendance.count({ where: { leaderId: id } });
    if (n > 0) {
      return {
        ok: false,
        kind: "invalid",
        message: `${current.name} cannot be deleted: ${n} ${n === 1 ? "entry uses" : "entries use"} this leader. Delete or change ${n === 1 ? "that entry" : "those entries"} first.`,
        errors: {},
      } as const;
    }
    if (current.version !== version) {
      return {
        ok: false,
        kind: "conflict",
        message: "Someone else changed this leader meanwhile; reload and try again.",
        version: current.version,
        changes: [],
      } as const;
    }
    await tx.leader.delete({ where: { id } });
    await recordRevision(tx, editor, {
      entityType: "leader",
      entityId: id,
      action: "delete",
      before: leaderSnapshot(current),
      after: null,
    });
    return { ok: true } as const;
  });
}
