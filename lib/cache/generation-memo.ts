/**
 * Values computed from the database, kept in this process for as long as its data stays in one
 * generation (lib/data/generation.ts). Only the current generation's values are kept, at most
 * `max` of them, the least recently used going first; a computation under way is shared by the
 * requests that ask for it, and forgotten if it fails.
 */
export class GenerationMemo<V> {
  #generation: string | null = null;
  readonly #values = new Map<string, Promise<V>>();

  constructor(readonly max: number) {}

  /** The value of `key` under `generation`, computed once; null: computed, not kept. */
  get(generation: string | null, key: string, compute: () => Promise<V>): Promise<V> {
    if (generation === null) return compute();
    if (generation !== this.#generation) {
      this.#values.clear();
      this.#generation = generation;
    }
    const kept = this.#values.get(key);
    if (kept) {
      this.#values.delete(key);
      this.#values.set(key, kept);
      return kept;
    }
    const value = compute();
    this.#values.set(key, value);
    value.catch(() => {
      if (this.#values.get(key) === value) this.#values.delete(key);
    });
    while (this.#values.size > this.max) {
      this.#values.delete(this.#values.keys().next().value!);
    }
    return value;
  }
}
