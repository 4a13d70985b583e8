import "server-only";
import { db } from "@/lib/db";
import { leaderSearchKey, searchKey } from "@/lib/text/search-key";
import type { LeaderEditInput } from "@/lib/validation/leader";
import { toLeaderDTO } from "./mappers";
import { inTransaction, type WriteResult } from "./write";
import { diffSnapshots } from "@/lib/history/diff";
import { recordRevision } from "./revisions";
import type { Editor } from "./session";

export type LeaderOption = { id: number; name: string; polity: string; office: string };

/** Every leader for the entry form's picker, by name. */
export async function listLeaderOptions(): Promise<LeaderOption[]> {
  return db.leader.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, polity: true, office: true },
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
  q?: string,
): Promise<{ rows: LeaderAdminRow[]; hasMore: boolean }> {
  const rows = await db.leader.findMany({
    where: q ? { searchText: { contains: searchKey(q) } } : {},
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
  aliases: string[];
  wikidataId: string | null;
  entries: { id: number; event: string; eventSlug: string }[];
};

/** A leader's stored aliases (a JSON array; anything else reads as none). */
export function parseAliases(stored: string): string[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

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
    ...toLeaderDTO(row),
    version: row.version,
    aliases: parseAliases(row.aliases),
    wikidataId: row.wikidataId,
    entries: row.attendances.map((a) => ({
      id: a.id,
      event: a.event.name,
      eventSlug: a.event.slug,
    })),
  };
}

type LeaderRow = {
  version: number;
  name: string;
  office: string;
  polity: string;
  countryCode: string | null;
  aliases: string;
  wikidataId: string | null;
};

/** What a leader is, as a revision stores it. */
export const leaderSnapshot = (l: LeaderRow) => ({
  version: l.version,
  name: l.name,
  office: l.office,
  polity: l.polity,
  countryCode: l.countryCode,
  aliases: parseAliases(l.aliases),
  wikidataId: l.wikidataId,
});

/** The columns a leader's form writes, with its search key. */
export const leaderData = (input: Omit<LeaderEditInput, "confirmDuplicate">) => ({
  name: input.name,
  office: input.office,
  polity: input.polity,
  countryCode: input.countryCode,
  aliases: JSON.stringify(input.aliases),
  wikidataId: input.wikidataId,
  searchText: leaderSearchKey(input),
});

export type SimilarLeader = { id: number; name: string; office: string; polity: string };

/**
 * Leaders whose name or an alias is one of `names`, accents and case aside ("Nicolas
 * maduro" finds "Nicolás Maduro"): the warning before a second record of one person is made.
 */
export async function findSimilarLeaders(
  names: string[],
  excludeId?: number,
): Promise<SimilarLeader[]> {
  const keys = [...new Set(names.map(searchKey).filter(Boolean))].slice(0, 21);
  if (keys.length === 0) return [];
  const candidates = await db.leader.findMany({
    where: {
      OR: keys.map((key) => ({ searchText: { contains: key } })),
      ...(excludeId ? { id: { not: excludeId } } : {}),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true, office: true, polity: true, aliases: true },
  });
  const wanted = new Set(keys);
  return candidates
    .filter((c) => [c.name, ...parseAliases(c.aliases)].some((n) => wanted.has(searchKey(n))))
    .slice(0, 5)
    .map(({ id, name, office, polity }) => ({ id, name, office, polity }));
}

/**
 * Creates a leader. When its name or an alias is already a leader's, nothing is saved and the
 * failure names them, unless the editor confirmed it is another person.
 */
export async function createLeader(
  editor: Editor,
  input: LeaderEditInput,
): Promise<
  | WriteResult<{ leaderId: number }>
  | { ok: false; kind: "duplicate"; message: string; duplicates: SimilarLeader[] }
> {
  if (!input.confirmDuplicate) {
    const duplicates = await findSimilarLeaders([input.name, ...input.aliases]);
    if (duplicates.length > 0) {
      const first = duplicates[0]!;
      return {
        ok: false,
        kind: "duplicate",
        message: `There is already ${first.name} (${first.office}, ${first.polity}). Open that record, or tick “This is another person” and save again.`,
        duplicates,
      };
    }
  }
  return inTransaction(editor, "leader:edit", async (tx) => {
    const created = await tx.leader.create({ data: leaderData(input) });
    await recordRevision(tx, editor, {
      entityType: "leader",
      entityId: created.id,
      action: "create",
      before: null,
      after: leaderSnapshot(created),
    });
    return { ok: true, leaderId: created.id } as const;
  });
}

export async function updateLeader(
  editor: Editor,
  id: number,
  version: number,
  input: LeaderEditInput,
): Promise<WriteResult<{ eventSlugs: string[]; attendanceIds: number[]; renamed: boolean }>> {
  return inTransaction<{ eventSlugs: string[]; attendanceIds: number[]; renamed: boolean }>(
    editor,
    "leader:edit",
    async (tx) => {
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
          changes: diffSnapshots(
            leaderSnapshot({ ...leaderData(input), version }),
            leaderSnapshot(current),
          ),
        } as const;
      }
      const updated = await tx.leader.update({
        where: { id },
        data: { ...leaderData(input), version: { increment: 1 } },
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
        // The only field of a leader that a source's page shows.
        renamed: updated.name !== current.name,
      } as const;
    },
  );
}

export async function deleteLeader(
  editor: Editor,
  id: number,
  version: number,
): Promise<WriteResult<object>> {
  return inTransaction<object>(editor, "leader:edit", async (tx) => {
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
    const represents = await tx.statusStep.count({ where: { representativeId: id } });
    if (represents > 0) {
      return {
        ok: false,
        kind: "invalid",
        message: `${current.name} cannot be deleted: ${represents} ${represents === 1 ? "step names" : "steps name"} them as a representative. Change ${represents === 1 ? "that step" : "those steps"} first.`,
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

/**
 * Records that may be the same person as leader `id`, for its merge section: those matching
 * `q` when given, else those whose name or alias equals one of its own.
 */
export async function listMergeCandidates(
  id: number,
  q?: string,
): Promise<(SimilarLeader & { entryCount: number })[]> {
  const leader = await db.leader.findUnique({
    where: { id },
    select: { name: true, aliases: true },
  });
  if (!leader) return [];
  const found = q
    ? (await listLeadersAdmin(1, 20, q)).rows.filter((l) => l.id !== id)
    : await findSimilarLeaders([leader.name, ...parseAliases(leader.aliases)], id);
  const counts = await db.attendance.groupBy({
    by: ["leaderId"],
    where: { leaderId: { in: found.map((l) => l.id) } },
    _count: { _all: true },
  });
  const countById = new Map(counts.map((c) => [c.leaderId, c._count._all]));
  return found.map((l) => ({
    id: l.id,
    name: l.name,
    office: l.office,
    polity: l.polity,
    entryCount: countById.get(l.id) ?? 0,
  }));
}
