/**
 * The record of account changes (the AccountEvent table), written in the same transaction as
 * the change. Takes the Prisma client or a transaction, so command-line scripts can use it.
 */
import type { Prisma, PrismaClient } from "../generated/prisma/client";

export const ACCOUNT_EVENT_KINDS = [
  "invited",
  "invitation-revoked",
  "joined",
  "role-changed",
  "disabled",
  "enabled",
  "two-factor-on",
  "two-factor-off",
  "two-factor-required",
  "password-changed",
  "passkey-added",
  "passkey-removed",
] as const;
export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];

type Party = { id: string | null; name: string };

export async function recordAccountEvent(
  db: Pick<PrismaClient | Prisma.TransactionClient, "accountEvent">,
  event: {
    kind: AccountEventKind;
    /** Who did it; null for a command-line script. */
    actor: Party | null;
    /** The account, or the invited address (id null). */
    subject: { id: string | null; name: string; email?: string };
    detail?: string;
  },
) {
  const { subject } = event;
  await db.accountEvent.create({
    data: {
      kind: event.kind,
      actorId: event.actor?.id ?? null,
      actorName: event.actor?.name ?? "Command line",
      subjectId: subject.id,
      subjectName: subject.email ? `${subject.name} <${subject.email}>` : subject.name,
      detail: event.detail ?? "",
    },
  });
}
