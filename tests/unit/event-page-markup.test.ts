import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EventView } from "@/components/event-view";
import { StoryChart } from "@/components/story-chart";
import { countEntries } from "@/lib/attendance/counts";
import { buildStoryChart, type ChartStep } from "@/lib/attendance/story-chart";
import type { AttendanceDTO, CitationDTO, EventDTO } from "@/lib/data/dto";
import { UNFILTERED_QUERY } from "@/lib/validation/attendance-query";

const event: EventDTO = {
  id: 1,
  slug: "parade",
  name: "Victory Day parade",
  place: "Moscow",
  date: "2000-05-09",
  endDate: "2000-05-09",
  occasion: "A parade",
};

const citation = (id: number): CitationDTO => ({
  id,
  quote: `quote ${id}`,
  start: 0,
  end: 7,
  prefix: "",
  suffix: "",
  source: { id: 1, title: "Wire report", publisher: "Example Wire", url: "https://example.org/a" },
  lost: false,
  review: "",
  anchoredVersion: 1,
});

const entry = (
  id: number,
  name: string,
  countryCode: string,
  outcome: AttendanceDTO["outcome"],
): AttendanceDTO => ({
  id,
  eventId: event.id,
  leader: { id, name, office: "Minister", polity: countryCode, countryCode },
  status: "confirmed",
  outcome,
  representative: null,
  asOf: "2000-05-09",
  sourcesDisagree: false,
  stepNote: "",
  note: "",
  updatedAt: "2000-05-09T00:00:00.000Z",
  version: 1,
  citations: [citation(id)],
});

/** The event page's markup for these entries, on the day and in the phase given. */
const renderEventPage = (
  entries: AttendanceDTO[],
  phase: ComponentProps<typeof EventView>["phase"],
  chart?: ComponentProps<typeof EventView>["chart"],
) =>
  renderToStaticMarkup(
    createElement(EventView, {
      event,
      counts: countEntries(entries),
      entries,
      mapEntries: entries,
      phase,
      query: UNFILTERED_QUERY,
      path: "/events/parade",
      chart,
    }),
  );

describe("the event page", () => {
  it("draws each flag once, though a started event has a list per outcome", () => {
    // Two leaders of one country, one in the "attended" list and one in "did not attend".
    const entries = [
      entry(1, "Ana", "BR", "attended"),
      entry(2, "Bea", "BR", "did_not_attend"),
      entry(3, "Cal", "CN", "attended"),
    ];
    const html = renderEventPage(entries, {
      day: "2000-05-10",
      started: true,
      during: false,
      over: true,
    });
    expect(html.match(/<h3 [^>]*>Attended \(2\)<\/h3>/g)).toHaveLength(1);
    expect(html.match(/<h3 [^>]*>Did not attend \(1\)<\/h3>/g)).toHaveLength(1);
    // Every row refers to its flag, and each drawing, which the rows refer to by id, is there once.
    expect(html.match(/<use href="#flag-BR"/g)).toHaveLength(2);
    expect(html.match(/<use href="#flag-CN"/g)).toHaveLength(1);
    expect(html.match(/<symbol id="flag-BR"/g)).toHaveLength(1);
    expect(html.match(/<symbol id="flag-CN"/g)).toHaveLength(1);
  });
});

describe("the story chart's counts", () => {
  const steps = (id: number, ...claims: [ChartStep["status"], string][]): ChartStep[] =>
    claims.map(([status, asOf], i) => ({
      id: id * 10 + i,
      status,
      outcome: null,
      asOf,
      recordedAt: `${asOf}T10:00:00Z`,
      source: { title: "Wire", url: "https://example.org/a" },
    }));
  const chart = buildStoryChart(
    [
      {
        id: 1,
        leader: "Anna",
        steps: steps(1, ["reported", "2000-05-01"], ["confirmed", "2000-05-10"]),
      },
    ],
    { date: "2000-06-01", endDate: "2000-06-01" },
    { today: "2001-01-01" },
  );
  const html = renderToStaticMarkup(
    createElement(StoryChart, { chart, title: "The story", id: "c", withCounts: true }),
  );
  const line = (status: string) =>
    new RegExp(`<g data-status="${status}"><polyline points="([^"]*)"`)
      .exec(html)![1]!
      .split(" ")
      .map((point) => point.split(",").map(Number));

  it("draws each status's count as a step line: flat, one step where it changed, flat again", () => {
    const reported = line("reported");
    const confirmed = line("confirmed");
    // Reported held Anna until 10 May, then confirmed did: each line is two flat runs joined by
    // one vertical step, at the same day.
    for (const points of [reported, confirmed]) {
      expect(points).toHaveLength(4);
      const [a, b, c, d] = points as [number[], number[], number[], number[]];
      expect(a[1]).toBe(b[1]);
      expect(b[0]).toBe(c[0]);
      expect(c[1]).toBe(d[1]);
      expect(a[0]).toBeLessThan(b[0]!);
      expect(c[0]).toBeLessThan(d[0]!);
    }
    expect(reported[1]![0]).toBe(confirmed[1]![0]);
    // Reported starts at one and falls to none; confirmed the other way (y grows downwards).
    expect(reported[0]![1]).toBeLessThan(reported[3]![1]!);
    expect(confirmed[0]![1]).toBeGreaterThan(confirmed[3]![1]!);
    expect(reported[0]![1]).toBe(confirmed[3]![1]);
    // Both run from the chart's first day to its last.
    expect(reported[0]![0]).toBe(confirmed[0]![0]);
    expect(reported[3]![0]).toBe(confirmed[3]![0]);
    // A count that never changed is one flat run.
    const declined = line("declined");
    expect(declined).toHaveLength(2);
    expect(declined[0]![1]).toBe(declined[1]![1]);
    expect(declined[0]![0]).toBe(reported[0]![0]);
    expect(declined[1]![0]).toBe(reported[3]![0]);
  });
});

describe("what the event page repeats per row", () => {
  // Each of these is styled once in app/globals.css: a class or attribute on every row, bar or
  // marker would be repeated in the page as many times as it has leaders.
  const entries = [entry(1, "Ana", "BR", null), entry(2, "Bea", "CN", null)];
  const chart = buildStoryChart(
    entries.map((e) => ({
      id: e.id,
      leader: e.leader.name,
      steps: [
        {
          id: e.id * 10,
          status: e.status,
          outcome: null,
          asOf: "2000-05-01",
          recordedAt: "2000-05-01T10:00:00Z",
          source: { title: "Wire report", url: "https://example.org/a" },
        },
      ],
    })),
    { date: event.date, endDate: event.endDate },
    { today: "2000-05-05" },
  );
  const html = renderEventPage(
    entries,
    { day: "2000-05-05", started: false, during: false, over: false },
    { chart },
  );
  const rows = [...html.matchAll(/<tr id="entry-\d+">[\s\S]*?<\/tr>/g)].map((m) => m[0]);

  it("gives a list row no class but its badge's one and its flag's", () => {
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.match(/class="[^"]*"/g)).toEqual([
        'class="flag"',
        'class="status-badge-confirmed"',
      ]);
      expect(row).toContain('<svg aria-hidden="true" class="flag"><use href="#flag-');
    }
  });

  it("draws the chart's bars without their height or corners, and each mark with its tooltip", () => {
    const drawing = /<svg aria-hidden="true" data-chart="rows"[\s\S]*?<\/svg>/.exec(html)![0];
    const bars = [...drawing.matchAll(/<g data-step="\d+"[^>]*>(<rect [^>]*>)/g)].map((m) => m[1]);
    expect(bars).toHaveLength(2);
    for (const bar of bars) expect(bar).toMatch(/^<rect x="[\d.]+" y="\d+" width="[\d.]+">$/);
    // The tooltip a mouse opens on a mark, with what the tables' row for it says.
    expect(drawing.match(/<title>[^<]*Wire report[^<]*<\/title>/g)).toHaveLength(2);
  });

  it("gives the map's links and markers no class of their own", () => {
    const map = /<svg [^>]*role="group"[\s\S]*?<\/svg>/.exec(html)![0];
    expect(map.match(/<a /g)).toHaveLength(2);
    for (const link of map.match(/<a [^>]*>[\s\S]*?<\/a>/g)!) expect(link).not.toContain("class=");
  });
});
