import "server-only";
import { db } from "@/lib/db";
import type { AttendanceStatus } from "@/lib/attendance/status";
import { parseAliases } from "./leaders";
import { toIsoDate, toLeaderDTO } from "./mappers";

export type LeaderIdentityDTO = {
  id: number;
  name: string;
  aliases: string[];
  wikidataId: string | null;
};

/** What the entry page says of who the leader is, beyond name and office. */
export async function getLeaderIdentity(id: number): Promise<LeaderIdentityDTO | null> {
  const row = await db.leader.findUnique({
    where: { id },
    select: { id: true, name: true, aliases: true, wikidataId: true },
  });
  return row ? { ...row, aliases: parseAliases(row.aliases) } : null;
}

export type LeaderPageDTO = LeaderIdentityDTO & {
  office: string;
  polity: string;
  countryCode: string | null;
  entries: {
    id: number;
    status: AttendanceStatus;
    event: { slug: string; name: string; date: string };
  }[];
};

/** A leader's public page: who they are and their entries, newest event first. */
export async function getLeaderPage(id: number): Promise<LeaderPageDTO | null> {
  const row = await db.leader.findUnique({
    where: { id },
    include: {
      attendances: {
        orderBy: [{ event: { date: "desc" } }, { id: "desc" }],
        take: 200,
        select: {
          id: true,
          status: true,
          event: { select: { slug: true, name: true, date: true } },
        },
      },
    },
  });
  if (!row) return null;
  return {
    ...toLeaderDTO(row),
    aliases: parseAliases(row.aliases),
    wikidataId: row.wikidataId,
    entries: row.attendances.map((a) => ({
      id: a.id,
      status: a.status,
      event: { slug: a.event.slug, name: a.event.name, date: toIsoDate(a.event.date) },
    })),
  };
}
