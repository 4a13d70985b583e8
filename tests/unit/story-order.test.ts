import { describe, expect, it } from "vitest";
import {
  currentStep,
  placeStep,
  sourcesDisagreeOn,
  stepOnDay,
  storyOrder,
  type StoryStep,
} from "@/lib/history/story";

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
    expect(currentStep(steps)?.status).toBe("confirmed");
  });

  it("gives the status in force at the end of a day, or none before the first", () => {
    expect(stepOnDay(steps, "2025-04-11")).toBeNull();
    expect(stepOnDay(steps, "2025-04-12")?.status).toBe("reported");
    expect(stepOnDay(steps, "2025-04-19")?.status).toBe("reported");
    expect(stepOnDay(steps, "2025-04-20")?.status).toBe("confirmed");
    expect(stepOnDay(steps, "2026-01-01")?.status).toBe("confirmed");
  });

  it("counts an undated step from the day it was recorded", () => {
    const undated = [...steps, step(3, "declined", null, "2025-05-02")];
    expect(stepOnDay(undated, "2025-05-01")?.status).toBe("confirmed");
    expect(stepOnDay(undated, "2025-05-02")?.status).toBe("declined");
  });

  it("breaks ties on the same day by the order of recording, and flags the disagreement", () => {
    const sameDay = [
      step(5, "declined", "2025-04-12", "2025-04-13"),
      step(4, "reported", "2025-04-12", "2025-04-12"),
    ];
    expect(storyOrder(sameDay).map((s) => s.id)).toEqual([4, 5]);
    expect(stepOnDay(sameDay, "2025-04-12")?.status).toBe("declined");
    expect(sourcesDisagreeOn(sameDay, currentStep(sameDay))).toBe(true);
    expect(sourcesDisagreeOn(steps, currentStep(steps))).toBe(false);
  });

  it("says where a new step falls and what it does to the current status", () => {
    expect(placeStep([], { asOf: "2025-04-01", status: "reported" })).toEqual({ kind: "first" });
    expect(placeStep(steps, { asOf: "2025-03-14", status: "reported" }).kind).toBe("older");
    expect(placeStep(steps, { asOf: "2025-05-01", status: "declined" }).kind).toBe("newer");
    expect(placeStep(steps, { asOf: "2025-04-20", status: "declined" })).toMatchObject({
      kind: "same-day",
      disagrees: true,
    });
  });
});

describe("what a step does to the current status, in words", () => {
  const current = {
    id: 1,
    status: "confirmed",
    asOf: "2025-04-12",
    recordedAt: "2025-04-13T10:00:00.000Z",
  };

  it("says where the step falls and whether the current status stays", async () => {
    const { describePlacement } = await import("@/lib/history/placement");
    expect(
      describePlacement([current], { status: "reported", asOf: "2025-03-14" }, "confirmed"),
    ).toBe(
      "This step is older than the current one, 12 April 2025: the current status stays Confirmed.",
    );
    expect(
      describePlacement([current], { status: "declined", asOf: "2025-05-02" }, "confirmed"),
    ).toBe(
      "This step is newer than the current one, 12 April 2025: the current status becomes Declined.",
    );
    expect(
      describePlacement([current], { status: "declined", asOf: "2025-04-12" }, "confirmed"),
    ).toContain("sources disagree");
    expect(describePlacement([], { status: "reported", asOf: null }, "reported", true)).toBe(
      "This is the entry's only step: it gives the current status, Reported.",
    );
  });
});
