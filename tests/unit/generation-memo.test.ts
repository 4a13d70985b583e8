import { describe, expect, it } from "vitest";
import { GenerationMemo, type Generation } from "@/lib/cache/generation-memo";

const at = (revision: number, namespace = "db"): Generation => ({ namespace, revision });
const g = at(1);

const counter = () => {
  let calls = 0;
  return { compute: async () => ++calls, calls: () => calls };
};

describe("GenerationMemo", () => {
  it("computes a key once per generation and again when the data moves on", async () => {
    const memo = new GenerationMemo<number>(10);
    const c = counter();
    expect(await memo.get(at(1), "a", c.compute)).toBe(1);
    expect(await memo.get(at(1), "a", c.compute)).toBe(1);
    expect(await memo.get(at(1), "b", c.compute)).toBe(2);
    expect(await memo.get(at(2), "a", c.compute)).toBe(3);
    expect(await memo.get(at(2), "a", c.compute)).toBe(3);
    expect(c.calls()).toBe(3);
  });

  it("answers a request that read an older generation afresh, and keeps the newer values", async () => {
    const memo = new GenerationMemo<number>(10);
    const c = counter();
    expect(await memo.get(at(5), "a", c.compute)).toBe(1);
    // Read just before the save that made 5: computed for it, not kept, 5's values stay.
    expect(await memo.get(at(4), "a", c.compute)).toBe(2);
    expect(await memo.get(at(4), "a", c.compute)).toBe(3);
    expect(await memo.get(at(5), "a", c.compute)).toBe(1);
    // Another database (a restore renews its identity): its numbers start again.
    expect(await memo.get(at(1, "restored"), "a", c.compute)).toBe(4);
    expect(await memo.get(at(1, "restored"), "a", c.compute)).toBe(4);
    expect(await memo.get(at(5), "a", c.compute)).toBe(5);
  });

  it("keeps nothing when the generation is unknown", async () => {
    const memo = new GenerationMemo<number>(10);
    const c = counter();
    await memo.get(null, "a", c.compute);
    await memo.get(null, "a", c.compute);
    expect(c.calls()).toBe(2);
  });

  it("shares a computation under way, and forgets one that failed", async () => {
    const memo = new GenerationMemo<number>(10);
    let release!: (n: number) => void;
    let calls = 0;
    const slow = () => {
      calls++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = memo.get(g, "a", slow);
    const second = memo.get(g, "a", slow);
    release(42);
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(calls).toBe(1);

    await expect(memo.get(g, "b", async () => Promise.reject(new Error("busy")))).rejects.toThrow(
      "busy",
    );
    expect(await memo.get(g, "b", async () => 7)).toBe(7);
  });

  it("keeps at most max keys, the least recently used going first", async () => {
    const memo = new GenerationMemo<string>(2);
    let calls = 0;
    const value = (key: string) => async () => `${key}${++calls}`;
    await memo.get(g, "a", value("a"));
    await memo.get(g, "b", value("b"));
    await memo.get(g, "a", value("a")); // a is used again: b is now the oldest
    await memo.get(g, "c", value("c"));
    expect(await memo.get(g, "a", value("a"))).toBe("a1");
    expect(await memo.get(g, "b", value("b"))).toBe("b4");
  });
});
