import { describe, expect, it } from "vitest";
import { HashingBusyError, HashingQueue } from "@/lib/auth/hashing-queue";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("the password hashing queue", () => {
  it("runs a bounded number at once, queues a few, and refuses the rest at once", async () => {
    const queue = new HashingQueue(2, 3);
    const gates = Array.from({ length: 5 }, deferred);
    let active = 0;
    let peak = 0;
    const runs = gates.map((gate, i) =>
      queue.run(async () => {
        active++;
        peak = Math.max(peak, active);
        await gate.promise;
        active--;
        return i;
      }),
    );
    await Promise.resolve();
    expect(queue.running).toBe(2);
    expect(queue.waiting).toBe(3);
    const refused = await queue.run(async () => "never").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HashingBusyError);
    expect((refused as HashingBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);

    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(queue.running).toBe(0);
    // A failing hash frees its place too.
    await expect(queue.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(queue.running).toBe(0);
  });
});

describe("the hashing queue between addresses", () => {
  it("gives one address two places at most, and a newcomer the place of the address holding the most", async () => {
    const queue = new HashingQueue(1, 3, 2);
    const gate = deferred();
    const hold = () => gate.promise.then(() => "done");
    const attacker = [queue.run(hold, "a"), queue.run(hold, "a")];
    await Promise.resolve();
    // A third from the same address is refused at once; another address is queued.
    await expect(queue.run(hold, "a")).rejects.toBeInstanceOf(HashingBusyError);
    expect(queue.refuses("a")).toBe(true);
    expect(queue.refuses("b")).toBe(false);
    const others = [queue.run(hold, "b"), queue.run(hold, "c")];
    await Promise.resolve();
    expect(queue.waiting).toBe(3);
    // Full: a newcomer from "d" takes the place of "a"'s waiting one, which is refused.
    const editor = queue.run(hold, "d");
    await expect(attacker[1]).rejects.toBeInstanceOf(HashingBusyError);
    expect(queue.waiting).toBe(3);
    // Every address now holds one place: the next newcomer is refused.
    await expect(queue.run(hold, "e")).rejects.toBeInstanceOf(HashingBusyError);
    gate.resolve();
    expect(await Promise.all([attacker[0], ...others, editor])).toEqual(Array(4).fill("done"));
    expect(queue.running).toBe(0);
    expect(queue.refuses("a")).toBe(false);
  });
});
