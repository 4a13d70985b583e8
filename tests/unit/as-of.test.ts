import { describe, expect, it } from "vitest";
import { stepAsOf, storyOrder, type StoryStep } from "@/lib/history/as-of";

const step = (id: number, status: string, asOf: string | null, recordedAt: string): StoryStep => ({
  id,
  status,
  asOf,
  recordedAt: `${recordedAt}T12:00:00.000Z`,
});

describe("the story of an entry", () => {
  // Entered out of order: the confirmation (as of 20 April) was recorded before the report (12 April).
  const steps = [
    step(1, "confirmed", "2025-04-20", "2025-04-21"),
    step(2, "reported", "2025-04-12", "2025-04-22"),
  ];

  it("orders steps by their as-of date, not by when they were entered", () => {
    expect(storyOrder(steps).map((s) => s.status)).toEqual(["reported", "confirmed"]);
  });

  it("gives the status in force at the end of a day, or none before the first", () => {
    expect(stepAsOf(steps, "2025-04-11")).toBeNull();
    expect(stepAsOf(steps, "2025-04-12")?.status).toBe("reported");
    expect(stepAsOf(steps, "2025-04-19")?.status).toBe("reported");
    expect(stepAsOf(steps, "2025-04-20")?.status).toBe("confirmed");
    expect(stepAsOf(steps, "2026-01-01")?.status).toBe("confirmed");
  });

  it("counts an undated step from the day it was recorded", () => {
    const undated = [...steps, step(3, "declined", null, "2025-05-02")];
    expect(stepAsOf(undated, "2025-05-01")?.status).toBe("confirmed");
    expect(stepAsOf(undated, "2025-05-02")?.status).toBe("declined");
  });

  it("breaks ties on the same day by the order of recording", () => {
    const sameDay = [
      step(5, "declined", "2025-04-12", "2025-04-13"),
      step(4, "reported", "2025-04-12", "2025-04-12"),
    ];
    expect(storyOrder(sameDay).map((s) => s.id)).toEqual([4, 5]);
    expect(stepAsOf(sameDay, "2025-04-12")?.status).toBe("declined");
  });
});
