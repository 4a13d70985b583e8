import { availableParallelism } from "node:os";

/** Thrown when the queue is full: the caller answers at once, saying when to try again. */
export class HashingBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many sign-ins at once.");
    this.name = "HashingBusyError";
  }
}

type Waiting = { address: string | undefined; start: () => void; refuse: () => void };

/**
 * At most `concurrency` password hashes at a time, `queueLength` more waiting, the rest refused at
 * once. Each scrypt hash holds 128 MiB and a thread of libuv's pool for as long as it runs, slow on
 * purpose; unbounded, a burst of anonymous sign-ins took every core and the pool (which also reads
 * the cached pages from disk) and slowed every reader. The default leaves half the cores to
 * everything else.
 *
 * Fair between addresses (docs/operations.md, "Sign-in under a flood"): one address holds at
 * most `perAddress` places, running or waiting, so a burst from one address cannot fill the
 * queue; and when the queue is full, a sign-in from an address that holds no place takes the
 * place of the last one waiting from the address that holds the most, which is refused instead.
 */
export class HashingQueue {
  #running = 0;
  readonly #waiting: Waiting[] = [];
  /** Places held (running or waiting) by address. */
  readonly #held = new Map<string, number>();
  /** A running average of how long a hash takes, for Retry-After. */
  #averageMs = 500;

  constructor(
    readonly concurrency = Math.max(1, Math.floor(availableParallelism() / 2)),
    readonly queueLength = 4 * concurrency,
    readonly perAddress = 2,
  ) {}

  get running() {
    return this.#running;
  }

  get waiting() {
    return this.#waiting.length;
  }

  /** Whether a hash asked for now (from `address`, when known) would be refused. */
  refuses(address?: string): boolean {
    if (address !== undefined && (this.#held.get(address) ?? 0) >= this.perAddress) return true;
    if (this.#running < this.concurrency || this.#waiting.length < this.queueLength) return false;
    return this.#victim(address) === undefined;
  }

  /** Whether a hash from no known address would be refused. */
  get full() {
    return this.refuses();
  }

  busyError() {
    const queued = this.#running + this.#waiting.length;
    return new HashingBusyError(
      Math.max(1, Math.ceil((queued * this.#averageMs) / this.concurrency / 1000)),
    );
  }

  /** The last waiting place of the address holding the most, if it holds more than `address`. */
  #victim(address: string | undefined): number | undefined {
    const mine = address === undefined ? Infinity : (this.#held.get(address) ?? 0);
    let best: number | undefined;
    let bestHeld = mine + 1;
    for (let i = this.#waiting.length - 1; i >= 0; i--) {
      const other = this.#waiting[i]!.address;
      const held = other === undefined ? 0 : (this.#held.get(other) ?? 0);
      if (held > bestHeld) {
        best = i;
        bestHeld = held;
      }
    }
    return best;
  }

  #hold(address: string | undefined, delta: number) {
    if (address === undefined) return;
    const held = (this.#held.get(address) ?? 0) + delta;
    if (held > 0) this.#held.set(address, held);
    else this.#held.delete(address);
  }

  async run<T>(hash: () => Promise<T>, address?: string): Promise<T> {
    if (this.refuses(address)) throw this.busyError();
    const full = this.#running >= this.concurrency && this.#waiting.length >= this.queueLength;
    if (full) this.#waiting.splice(this.#victim(address)!, 1)[0]!.refuse();
    this.#hold(address, 1);
    try {
      if (this.#running >= this.concurrency) {
        // A finishing hash hands its place straight to the first waiting one.
        await new Promise<void>((start, refuse) =>
          this.#waiting.push({ address, start, refuse: () => refuse(this.busyError()) }),
        );
      } else {
        this.#running++;
      }
    } catch (error) {
      this.#hold(address, -1);
      throw error;
    }
    const started = performance.now();
    try {
      return await hash();
    } finally {
      this.#hold(address, -1);
      this.#averageMs = 0.8 * this.#averageMs + 0.2 * (performance.now() - started);
      const next = this.#waiting.shift();
      if (next) next.start();
      else this.#running--;
    }
  }
}
