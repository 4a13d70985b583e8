import { describe, expect, it } from "vitest";
import { buildStoryChart, type ChartStep } from "@/lib/attendance/story-chart";

const source = { title: "Wire", url: "https://example.org/a" };
const step = (
  id: number,
  status: ChartStep["status"],
  asOf: string | null,
  recordedAt = "2000-01-01T10:00:00Z",
  outcome: ChartStep["outcome"] = null,
): ChartStep => ({
  id,
  status,
  outcome,
  asOf,
  recordedAt,
  source,
});
const event = { date: "2000-06-01", endDate: "2000-06-02" };

describe("the story chart", () => {
  it("gives each claim a bar to the next claim, the last to the day after the event", () => {
    const chart = buildStoryChart(
      [
        {
          id: 1,
          leader: "Anna",
          steps: [step(2, "confirmed", "2000-05-10"), step(1, "reported", "2000-05-01")],
        },
        { id: 2, leader: "Boris", steps: [] },
      ],
      event,
      { today: "2001-01-01" },
    );
    expect(chart.start).toBe("2000-05-01");
    expect(chart.end).toBe("2000-06-03");
    expect(chart.rows).toHaveLength(1);
    expect(chart.rows[0]!.segments.map((s) => [s.status, s.from, s.to])).toEqual([
      ["reported", "2000-05-01", "2000-05-10"],
      ["confirmed", "2000-05-10", "2000-06-03"],
    ]);
  });

  it("shows a day's last step in story order when one day has several, and undated steps on their recording day", () => {
    const chart = buildStoryChart(
      [
        {
          id: 1,
          leader: "Anna",
          steps: [
            step(1, "reported", "2000-05-01", "2000-05-01T09:00:00Z"),
            step(2, "declined", "2000-05-01", "2000-05-03T09:00:00Z"),
            step(3, "confirmed", null, "2000-05-20T09:00:00Z"),
          ],
        },
      ],
      event,
      { today: "2001-01-01" },
    );
    expect(chart.rows[0]!.segments.map((s) => [s.stepId, s.from])).toEqual([
      [2, "2000-05-01"],
      [3, "2000-05-20"],
    ]);
  });

  it("on a past day shows the stories as they stood then, and stops there", () => {
    const chart = buildStoryChart(
      [
        {
          id: 1,
          leader: "Anna",
          steps: [step(1, "reported", "2000-05-01"), step(2, "declined", "2000-05-20")],
        },
      ],
      event,
      { day: "2000-05-10", today: "2001-01-01" },
    );
    expect(chart.day).toBe("2000-05-10");
    expect(chart.rows[0]!.segments.map((s) => [s.status, s.from, s.to])).toEqual([
      ["reported", "2000-05-01", "2000-05-11"],
    ]);
    expect(chart.counts.at(-1)).toEqual({
      day: "2000-05-10",
      confirmed: 0,
      reported: 1,
      declined: 0,
    });
  });

  it("counts each leader once a day, by the plan an outcome step carries", () => {
    const chart = buildStoryChart(
      [
        {
          id: 1,
          leader: "Anna",
          steps: [
            step(1, "confirmed", "2000-05-30"),
            step(2, "confirmed", "2000-06-01", undefined, "attended"),
          ],
        },
        { id: 2, leader: "Boris", steps: [step(3, "reported", "2000-05-31")] },
      ],
      event,
      { today: "2001-01-01" },
    );
    expect(chart.rows[0]!.segments.map((s) => s.outcome)).toEqual([null, "attended"]);
    const on = (day: string) => chart.counts.find((c) => c.day === day);
    expect(on("2000-05-30")).toMatchObject({ confirmed: 1, reported: 0 });
    expect(on("2000-06-02")).toMatchObject({ confirmed: 1, reported: 1, declined: 0 });
  });

  it("runs an upcoming event's chart up to today when today is before it", () => {
    const chart = buildStoryChart(
      [{ id: 1, leader: "Anna", steps: [step(1, "reported", "2000-05-01")] }],
      event,
      { today: "2000-05-05" },
    );
    expect(chart.end).toBe("2000-06-03");
  });
});
