/**
 * A text being edited whose characters remember where they came from, so a test can
 * tell, after any edit, which characters of an original passage are still there and
 * where: the ground truth a relocation is judged against.
 *
 * Units are UTF-16 code units, like the offsets of lib/quotes/anchor.ts. `src[i]` is the
 * offset in the original text of the unit now at `i`, or -1 for a unit the edit wrote.
 */
export class TrackedText {
  private units: string[];
  private src: number[];

  constructor(original: string) {
    this.units = original.split("");
    this.src = this.units.map((_, i) => i);
  }

  get text(): string {
    return this.units.join("");
  }

  get length(): number {
    return this.units.length;
  }

  /** Deletes `count` units at `at` and writes `insert` there (new units, from nowhere). */
  splice(at: number, count: number, insert = ""): this {
    const added = insert.split("");
    this.units.splice(at, count, ...added);
    this.src.splice(at, count, ...added.map(() => -1));
    return this;
  }

  /**
   * Changes the units at `at` to `replacement`, unit for unit: the same characters in a
   * different form (an accent, a curly apostrophe, a newline for a space) keep their origin.
   * Units beyond the replaced length are inserted, missing ones deleted.
   */
  restyle(at: number, count: number, replacement: string): this {
    const kept = Math.min(count, replacement.length);
    for (let k = 0; k < kept; k++) this.units[at + k] = replacement[k]!;
    if (replacement.length > count) this.splice(at + count, 0, replacement.slice(count));
    else if (count > replacement.length) this.splice(at + kept, count - kept);
    return this;
  }

  /** Copies `[from, to)` to `at`; the copies keep the origin of what they copy. */
  copy(from: number, to: number, at: number, joiner = ""): this {
    const units = [...joiner.split(""), ...this.units.slice(from, to)];
    const src = [...joiner.split("").map(() => -1), ...this.src.slice(from, to)];
    this.units.splice(at, 0, ...units);
    this.src.splice(at, 0, ...src);
    return this;
  }

  /** Replaces every occurrence of `find` with `replace`, restyling unit for unit. */
  restyleAll(find: string, replace: string): this {
    for (
      let i = this.text.indexOf(find);
      i !== -1;
      i = this.text.indexOf(find, i + replace.length)
    ) {
      this.restyle(i, find.length, replace);
    }
    return this;
  }

  /** How many units of `[from, to)` come from the original text. */
  originalUnits(from: number, to: number): number {
    let n = 0;
    for (let i = Math.max(0, from); i < Math.min(to, this.src.length); i++)
      if (this.src[i]! >= 0) n++;
    return n;
  }

  /**
   * Where the original passage `[start, end)` stands now: one instance per copy of it
   * (a duplicated paragraph holds two), each with the share of the passage's units that
   * survive in it and the range of the new text from its first to its last surviving unit.
   */
  instancesOf(start: number, end: number): { survived: number; from: number; to: number }[] {
    const length = end - start;
    const instances: { seen: Set<number>; from: number; to: number }[] = [];
    let current: { seen: Set<number>; from: number; to: number } | null = null;
    let lastSrc = -1;
    for (let i = 0; i < this.src.length; i++) {
      const s = this.src[i]!;
      if (s < start || s >= end) continue;
      // A unit that goes back in the original, or comes far after the last one, starts a copy.
      if (current === null || s <= lastSrc || i - current.to > length) {
        current = { seen: new Set(), from: i, to: i + 1 };
        instances.push(current);
      }
      current.seen.add(s);
      current.to = i + 1;
      lastSrc = s;
    }
    return instances.map((x) => ({ survived: x.seen.size / length, from: x.from, to: x.to }));
  }
}
