import "server-only";
import { stepDateWarnings } from "@/lib/attendance/date-guards";
import { toIsoDate } from "./mappers";
import { Abort, invalid, type Tx } from "./write";

/**
 * Asks the editor to confirm a step's date the guards question (lib/attendance/date-guards.ts),
 * unless they already did: throws an Abort whose failure names each reason under `asOf` and
 * asks for `confirmDates`. The guards are for an editor's form, whose input always says
 * (`confirmDates` true or false); a caller that leaves it out (a script, a test, an import
 * with its own checks) writes the dates it gives.
 */
export async function assertStepDates(
  tx: Tx,
  eventId: number,
  step: {
    asOf: string | null;
    outcome?: string | null;
    citations: { sourceId: number }[];
    confirmDates?: boolean;
  },
) {
  if (step.confirmDates !== false || !step.asOf) return;
  const [event, sources] = await Promise.all([
    tx.event.findUnique({ where: { id: eventId }, select: { name: true, endDate: true } }),
    tx.source.findMany({
      where: { id: { in: [...new Set(step.citations.map((c) => c.sourceId))] } },
      select: { title: true, publishedOn: true },
    }),
  ]);
  if (!event) return;
  const warnings = stepDateWarnings(
    { asOf: step.asOf, outcome: step.outcome ?? null },
    sources.map((s) => ({
      title: s.title,
      publishedOn: s.publishedOn ? toIsoDate(s.publishedOn) : null,
    })),
    { name: event.name, endDate: toIsoDate(event.endDate) },
  );
  if (warnings.length === 0) return;
  throw new Abort(
    invalid(
      { asOf: warnings, confirmDates: ["Correct the date, or tick the box to save it as it is."] },
      "Check the as-of date: it looks like a slip; see below.",
    ),
  );
}

/**
 * A representative is a person from the leaders table who has no entry of their own at the
 * event (else the delegation would be counted twice), and is not the leader themself.
 */
export async function assertRepresentative(
  tx: Tx,
  eventId: number,
  leaderId: number,
  representativeId: number | null | undefined,
) {
  if (representativeId == null) return;
  const field = "representativeId";
  if (representativeId === leaderId) {
    throw new Abort(
      invalid({ [field]: ["A leader does not represent themself: choose someone else."] }),
    );
  }
  const representative = await tx.leader.findUnique({
    where: { id: representativeId },
    select: { name: true },
  });
  if (!representative) {
    throw new Abort(invalid({ [field]: ["That person no longer exists; choose another."] }));
  }
  const own = await tx.attendance.findUnique({
    where: { eventId_leaderId: { eventId, leaderId: representativeId } },
    select: { id: true },
  });
  if (own) {
    throw new Abort(
      invalid({
        [field]: [
          `${representative.name} has an entry of their own at this event, so naming them as a representative would count the delegation twice. Remove that entry first, or leave this empty.`,
        ],
      }),
    );
  }
}

/** A leader about to get an entry at the event must not already represent someone there. */
export async function assertNotRepresenting(tx: Tx, eventId: number, leaderId: number) {
  const represents = await tx.attendance.findFirst({
    where: { eventId, representativeId: leaderId },
    select: { leader: { select: { name: true } } },
  });
  if (represents) {
    throw new Abort(
      invalid({
        leaderId: [
          `This person represents ${represents.leader.name} at this event; an entry of their own would count the delegation twice. Record them on ${represents.leader.name}'s entry instead.`,
        ],
      }),
    );
  }
}

/**
 * An entry moved to another leader or event keeps the representatives its story names: the new
 * leader must not be one of them (they would represent themself), and none of them may have an
 * entry of their own at the new event (the delegation would be counted twice).
 */
export async function assertStoryRepresentativesFit(
  tx: Tx,
  attendanceId: number,
  eventId: number,
  leaderId: number,
) {
  const steps = await tx.statusStep.findMany({
    where: { attendanceId, representativeId: { not: null } },
    select: { representative: { select: { id: true, name: true } } },
  });
  for (const { representative } of steps) {
    if (!representative) continue;
    if (representative.id === leaderId) {
      throw new Abort(
        invalid({
          leaderId: [
            `This entry's story names ${representative.name} as the leader's representative; ${representative.name} cannot be the leader of the same entry. Choose another leader, or change that step first.`,
          ],
        }),
      );
    }
    const own = await tx.attendance.findUnique({
      where: { eventId_leaderId: { eventId, leaderId: representative.id } },
      select: { id: true },
    });
    if (own && own.id !== attendanceId) {
      throw new Abort(
        invalid({
          eventId: [
            `This entry's story names ${representative.name} as the representative, and ${representative.name} has an entry of their own at that event: the delegation would be counted twice. Change that step first.`,
          ],
        }),
      );
    }
  }
}
