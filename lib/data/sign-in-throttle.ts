import "server-only";
import { db } from "@/lib/db";

/**
 * Failed sign-ins are counted per account and address, per account, and per address, in a
 * fixed window, in the database (so a restart does not reset them). A key over its limit
 * blocks further attempts until its window ends. Successful sign-ins clear the pair's count.
 */
export const SIGN_IN_WINDOW_MS = 60_000;
const LIMITS = { pair: 5, account: 20, address: 30 } as const;

function keys(email: string, address: string) {
  return [
    { key: `pair:${email}|${address}`, limit: LIMITS.pair },
    { key: `account:${email}`, limit: LIMITS.account },
    { key: `address:${address}`, limit: LIMITS.address },
  ];
}

/** Seconds until another attempt is allowed, or 0 when it is allowed now. */
export async function secondsUntilSignInAllowed(
  email: string,
  address: string,
  now = new Date(),
): Promise<number> {
  const list = keys(email, address);
  const rows = await db.signInThrottle.findMany({ where: { key: { in: list.map((k) => k.key) } } });
  let wait = 0;
  for (const row of rows) {
    const limit = list.find((k) => k.key === row.key)!.limit;
    const endsAt = row.windowStartedAt.getTime() + SIGN_IN_WINDOW_MS;
    if (row.failures >= limit && endsAt > now.getTime()) {
      wait = Math.max(wait, Math.ceil((endsAt - now.getTime()) / 1000));
    }
  }
  return wait;
}

export async function recordFailedSignIn(
  email: string,
  address: string,
  now = new Date(),
): Promise<void> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  await db.$transaction(
    keys(email, address).map(({ key }) =>
      db.signInThrottle.upsert({
        where: { key },
        create: { key, failures: 1, windowStartedAt: now },
        update: { failures: { increment: 1 } },
      }),
    ),
  );
  // Windows that have ended start again at this failure.
  await db.signInThrottle.updateMany({
    where: {
      key: { in: keys(email, address).map((k) => k.key) },
      windowStartedAt: { lte: windowStart },
    },
    data: { failures: 1, windowStartedAt: now },
  });
}

export async function clearFailedSignIns(email: string, address: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `pair:${email}|${address}` } });
}
