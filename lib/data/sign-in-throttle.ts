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
 * The writes that count one attempt under `keys`, as one transaction (one sync to disk): windows
 * of these keys that have ended start again, empty; then each key's count goes up by one in a
 * single statement (an upsert), which returns the new count.
 */
async function countAttempt(keys: string[], now: Date) {
  const restarts = [SIGN_IN_WINDOW_MS, ACCOUNT_WINDOW_MS].flatMap((windowMs) => {
    const ofThisWindow = keys.filter((key) => windowOf(key) === windowMs);
    if (ofThisWindow.length === 0) return [];
    return [
      db.signInThrottle.updateMany({
        where: {
          key: { in: ofThisWindow },
          windowStartedAt: { lte: new Date(now.getTime() - windowMs) },
        },
        data: { failures: 0, windowStartedAt: now },
      }),
    ];
  });
  const upserts = keys.map((key) =>
    db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 1, windowStartedAt: now },
      update: { failures: { increment: 1 } },
    }),
  );
  const results = await db.$transaction([...restarts, ...upserts]);
  return results.slice(restarts.length) as Awaited<(typeof upserts)[number]>[];
}

/**
 * Counts an attempt from `address` on `email` before its password is checked, and says
 * whether it may go ahead: `refuseForSeconds` > 0 when this address is over a limit (for this
 * account or for all). The count is taken and read in the same statement, so attempts arriving
 * together each see the ones before them: no more than the limit get their password checked.
 * An attempt counts as failed until `recordSuccessfulSignIn` says otherwise; one the server then
 * refuses as busy stays counted. One from an address already over a limit is refused after a
 * read alone (its window ends when it ends, counted further or not), so a flood past the limit
 * writes nothing. The account is counted apart (`countAccountAttempt`), only for attempts that
 * go ahead: another address's refusals must not slow its editor down.
 */
export async function reserveSignInAttempt(
  email: string,
  address: string,
  now = new Date(),
): Promise<{ refuseForSeconds: number }> {
  const refusal = (
    rows: { key: string; failures: number; windowStartedAt: Date }[],
    over: number,
  ) => {
    let seconds = 0;
    for (const row of rows) {
      const endsAt = row.windowStartedAt.getTime() + windowOf(row.key);
      if (endsAt <= now.getTime()) continue;
      const limit = row.key.startsWith("pair:") ? PAIR_LIMIT : ADDRESS_LIMIT;
      if (row.failures + over > limit) {
        seconds = Math.max(seconds, Math.ceil((endsAt - now.getTime()) / 1000), 1);
      }
    }
    return seconds;
  };
  const keys = [pairKey(email, address), addressKey(address)];
  const already = refusal(
    await db.signInThrottle.findMany({ where: { key: { in: keys } } }),
    1, // at the limit already: this one would go past it
  );
  if (already > 0) return { refuseForSeconds: already };
  return { refuseForSeconds: refusal(await countAttempt(keys, now), 0) };
}

/** Counts an attempt on the account that goes ahead; `delayMs` is how long to hold it first. */
export async function countAccountAttempt(
  email: string,
  now = new Date(),
): Promise<{ delayMs: number }> {
  const [account] = await countAttempt([accountKey(email)], now);
  // The account's earlier attempts decide its delay, not this one.
  return { delayMs: accountDelayMs(account!.failures - 1) };
}

/**
 * Where an account and address stand, without counting an attempt: `refuseForSeconds` > 0 when
 * the address is at a limit (for this account or for all), else the account's `delayMs`.
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

/** A failure, after the fact (for callers that did not reserve the attempt). */
export async function recordFailedSignIn(
  email: string,
  address: string,
  now = new Date(),
): Promise<void> {
  await countAttempt([pairKey(email, address), addressKey(address), accountKey(email)], now);
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

/**
 * A reserved attempt that signed in: its account and address's count is cleared, and it no
 * longer counts against the address or the account.
 */
export async function recordSuccessfulSignIn(email: string, address: string): Promise<void> {
  await db.$transaction([
    db.signInThrottle.deleteMany({ where: { key: pairKey(email, address) } }),
    db.signInThrottle.updateMany({
      where: { key: { in: [addressKey(address), accountKey(email)] }, failures: { gt: 0 } },
      data: { failures: { decrement: 1 } },
    }),
  ]);
}

/** Clears an account and address's count (without a reserved attempt to take back). */
export async function clearFailedSignIns(email: string, address: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: pairKey(email, address) } });
}
