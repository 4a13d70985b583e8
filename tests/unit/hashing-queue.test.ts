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
