import "server-only";
import { db } from "@/lib/db";

/**
 * Failed sign-ins, counted in the database (so a restart does not reset them) in fixed
 * windows, under three keys:
 *
 * - the account and address: 5 a minute, then that address is refused for that account until
 *   the window ends;
 * - the address: 30 a minute, then that address is refused for every account;
 * - the account: failures from anywhere never refuse it (an attacker with many addresses
 *   could otherwise keep an editor out), they slow it down: past 10 in a quarter of an hour,
 *   every attempt on the account waits 0.5 s, doubling with each further failure up to 8 s,
 *   before its password is checked. An editor on an address that has not failed gets in, a
 *   little later.
 *
 * A successful sign-in clears its account and address's count. Rows whose window has ended
 * are deleted whenever a failure is recorded.
 */
export const SIGN_IN_WINDOW_MS = 60_000;
const PAIR_LIMIT = 5;
const ADDRESS_LIMIT = 30;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;
const ACCOUNT_FREE_FAILURES = 10;
const ACCOUNT_BASE_DELAY_MS = 500;
export const ACCOUNT_MAX_DELAY_MS = 8_000;

const pairKey = (email: string, address: string) => `pair:${email}|${address}`;
const addressKey = (address: string) => `address:${address}`;
const accountKey = (email: string) => `account:${email}`;

function windowOf(key: string) {
  return key.startsWith("account:") ? ACCOUNT_WINDOW_MS : SIGN_IN_WINDOW_MS;
}

/** The wait before an account's password is checked, after `failures` in its window. */
export function accountDelayMs(failures: number): number {
  if (failures <= ACCOUNT_FREE_FAILURES) return 0;
  const doublings = Math.min(failures - ACCOUNT_FREE_FAILURES - 1, 10);
  return Math.min(ACCOUNT_MAX_DELAY_MS, ACCOUNT_BASE_DELAY_MS * 2 ** doublings);
}

export type SignInGate = { refuseForSeconds: number; delayMs: number };

/**
 * Whether an attempt may go ahead: `refuseForSeconds` > 0 when this address is over a limit
 * (for this account or for all), else `delayMs`, how long to hold it first.
 */
export async function signInGate(
  email: string,
  address: string,
  now = new Date(),
): Promise<SignInGate> {
  const limits = new Map([
    [pairKey(email, address), PAIR_LIMIT],
    [addressKey(address), ADDRESS_LIMIT],
    [accountKey(email), Infinity],
  ]);
  const rows = await db.signInThrottle.findMany({ where: { key: { in: [...limits.keys()] } } });
  let refuseForSeconds = 0;
  let delayMs = 0;
  for (const row of rows) {
    const endsAt = row.windowStartedAt.getTime() + windowOf(row.key);
    if (endsAt <= now.getTime()) continue;
    if (row.failures >= limits.get(row.key)!) {
      refuseForSeconds = Math.max(refuseForSeconds, Math.ceil((endsAt - now.getTime()) / 1000));
    }
    if (row.key.startsWith("account:")) delayMs = accountDelayMs(row.failures);
  }
  return { refuseForSeconds, delayMs };
}

export async function recordFailedSignIn(
  email: string,
  address: string,
  now = new Date(),
): Promise<void> {
  const keys = [pairKey(email, address), addressKey(address), accountKey(email)];
  await db.$transaction(
    keys.map((key) =>
      db.signInThrottle.upsert({
        where: { key },
        create: { key, failures: 1, windowStartedAt: now },
        update: { failures: { increment: 1 } },
      }),
    ),
  );
  // Windows that had ended start again at this failure; other ended windows are deleted.
  for (const windowMs of [SIGN_IN_WINDOW_MS, ACCOUNT_WINDOW_MS]) {
    const ended = { lte: new Date(now.getTime() - windowMs) };
    const ofThisWindow = keys.filter((key) => windowOf(key) === windowMs);
    await db.signInThrottle.updateMany({
      where: { key: { in: ofThisWindow }, windowStartedAt: ended },
      data: { failures: 1, windowStartedAt: now },
    });
  }
  await pruneSignInThrottle(now);
}

/** Deletes the rows whose window has ended; they would not count any more. */
export async function pruneSignInThrottle(now = new Date()): Promise<number> {
  const [short, long] = await db.$transaction([
    db.signInThrottle.deleteMany({
      where: {
        NOT: { key: { startsWith: "account:" } },
        windowStartedAt: { lte: new Date(now.getTime() - SIGN_IN_WINDOW_MS) },
      },
    }),
    db.signInThrottle.deleteMany({
      where: {
        key: { startsWith: "account:" },
        windowStartedAt: { lte: new Date(now.getTime() - ACCOUNT_WINDOW_MS) },
      },
    }),
  ]);
  return short.count + long.count;
}

export async function clearFailedSignIns(email: string, address: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: pairKey(email, address) } });
}
