/** A state of the database's data: its namespace and latest revision (lib/data/generation.ts). */
export type Generation = { readonly namespace: string; readonly revision: number };

/**
 * Values computed from the database, kept in this process for as long as its data stays in one
 * generation. Only the newest generation's values are kept, at most `max` of them, the least
 * recently used going first; a computation under way is shared by the requests that ask for
 * it, and forgotten if it fails. A request that read an older generation (just before a save)
 * gets its value computed and not kept, and leaves the newer ones be.
 */
export class GenerationMemo<V> {
  #generation: Generation | null = null;
  readonly #values = new Map<string, Promise<V>>();

  constructor(readonly max: number) {}

  /** The value of `key` under `generation`, computed once; with null, computed and not kept. */
  get(generation: Generation | null, key: string, compute: () => Promise<V>): Promise<V> {
    if (generation === null) return compute();
    const current = this.#generation;
    if (current?.namespace === generation.namespace && generation.revision < current.revision) {
      return compute();
    }
    if (current?.namespace !== generation.namespace || current.revision !== generation.revision) {
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
