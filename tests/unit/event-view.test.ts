import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EventView } from "@/components/event-view";
import { countEntries } from "@/lib/attendance/counts";
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

describe("the event page", () => {
  it("draws each flag once, though a started event has a list per outcome", () => {
    // Two leaders of one country, one in the "attended" list and one in "did not attend".
    const entries = [
      entry(1, "Ana", "BR", "attended"),
      entry(2, "Bea", "BR", "did_not_attend"),
      entry(3, "Cal", "CN", "attended"),
    ];
    const html = renderToStaticMarkup(
      createElement(EventView, {
        event,
        counts: countEntries(entries),
        entries,
        mapEntries: entries,
        phase: { day: "2000-05-10", started: true, during: false, over: true },
        query: UNFILTERED_QUERY,
        path: "/events/parade",
      }),
    );
    expect(html.match(/<h3 [^>]*>Attended \(2\)<\/h3>/g)).toHaveLength(1);
    expect(html.match(/<h3 [^>]*>Did not attend \(1\)<\/h3>/g)).toHaveLength(1);
    // Every row refers to its flag, and each drawing, which the rows refer to by id, is there once.
    expect(html.match(/<use href="#flag-BR"/g)).toHaveLength(2);
    expect(html.match(/<use href="#flag-CN"/g)).toHaveLength(1);
    expect(html.match(/<symbol id="flag-BR"/g)).toHaveLength(1);
    expect(html.match(/<symbol id="flag-CN"/g)).toHaveLength(1);
  });
});
