import "server-only";
import { db } from "@/lib/db";

/** How stale a session's "last seen" may get before a request writes it again. */
const SEEN_EVERY_MS = 5 * 60 * 1000;

/** Whether an admin requires two-factor sign-in of every account. */
export async function twoFactorRequired(): Promise<boolean> {
  const policy = await db.accountPolicy.findUnique({ where: { id: 1 } });
  return policy?.requireTwoFactor ?? false;
}

/**
 * Records that a session was used now ("last seen" on the sessions list), at most once every
 * few minutes so that reading pages does not mean a write per request.
 */
export async function noteSessionSeen(sessionId: string, updatedAt: Date | string) {
  if (Date.now() - new Date(updatedAt).getTime() < SEEN_EVERY_MS) return;
  await db.session.updateMany({ where: { id: sessionId }, data: { updatedAt: new Date() } });
}

export type SessionDTO = {
  id: string;
  device: string;
  address: string;
  signedInAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** A short name for a browser's User-Agent: "Chrome on Linux", or the raw string's start. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad/.test(userAgent)
        ? "iOS"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

/** The account's live sessions, the most recently used first. */
export async function listAccountSessions(
  userId: string,
  currentSessionId: string | null,
): Promise<SessionDTO[]> {
  const rows = await db.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { updatedAt: "desc" },
  });
  return rows.map((s) => ({
    id: s.id,
    device: describeDevice(s.userAgent),
    address: s.ipAddress || "unknown",
    signedInAt: s.createdAt,
    lastSeenAt: s.updatedAt,
    current: s.id === currentSessionId,
  }));
}
