import { availableParallelism } from "node:os";

/** Thrown when the queue is full: the caller answers at once, saying when to try again. */
export class HashingBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Too many sign-ins at once.");
    this.name = "HashingBusyError";
  }
}

/**
 * At most `concurrency` password hashes at a time, `queueLength` more waiting, the rest
 * refused at once. Each scrypt hash holds 128 MiB and a thread of libuv's pool for a good
 * fraction of a second; unbounded, a burst of anonymous sign-ins took every core and the pool
 * (which also reads the cached pages from disk) and slowed every reader. The default leaves
 * half the cores to everything else.
 */
export class HashingQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  /** A running average of how long a hash takes, for Retry-After. */
  #averageMs = 500;

  constructor(
    readonly concurrency = Math.max(1, Math.floor(availableParallelism() / 2)),
    readonly queueLength = 4 * concurrency,
  ) {}

  get running() {
    return this.#running;
  }

  get waiting() {
    return this.#waiting.length;
  }

  /** Whether a hash asked for now would be refused. */
  get full() {
    return this.#running >= this.concurrency && this.#waiting.length >= this.queueLength;
  }

  busyError() {
    const queued = this.#running + this.#waiting.length;
    return new HashingBusyError(
      Math.max(1, Math.ceil((queued * this.#averageMs) / this.concurrency / 1000)),
    );
  }

  async run<T>(hash: () => Promise<T>): Promise<T> {
    if (this.#running >= this.concurrency) {
      if (this.full) throw this.busyError();
      // A finishing hash hands its place straight to the first waiting one.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    const started = performance.now();
    try {
      return await hash();
    } finally {
      this.#averageMs = 0.8 * this.#averageMs + 0.2 * (performance.now() - started);
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
