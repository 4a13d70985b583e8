import "server-only";
import { db } from "@/lib/db";
import {
  buildStoryChart,
  type ChartEntry,
  type ChartStep,
  type StoryChart,
} from "@/lib/attendance/story-chart";
import type { EventDTO, StepDTO } from "./dto";
import { toIsoDate } from "./mappers";

/**
 * Past this many entries the event page leaves the chart out (and says so): a row per leader
 * stops being readable long before, and the page must stay light for the largest events.
 */
export const CHART_MAX_ENTRIES = 150;

export type StoryChartView = { chart: StoryChart } | { tooLarge: number };

/**
 * The event's story as a chart, as it stood at the end of `day` (the current story without
 * one); null when the event has no entries.
 */
export async function getEventStoryChart(
  event: EventDTO,
  day?: string,
): Promise<StoryChartView | null> {
  const total = await db.attendance.count({ where: { eventId: event.id } });
  if (total === 0) return null;
  if (total > CHART_MAX_ENTRIES) return { tooLarge: total };
  const rows = await db.attendance.findMany({
    where: { eventId: event.id },
    select: {
      id: true,
      leader: { select: { name: true } },
      steps: {
        select: {
          id: true,
          status: true,
          outcome: true,
          asOf: true,
          recordedAt: true,
          citations: {
            orderBy: { position: "asc" },
            take: 1,
            select: { source: { select: { title: true, url: true } } },
          },
        },
      },
    },
  });
  const entries: ChartEntry[] = rows.map((row) => ({
    id: row.id,
    leader: row.leader.name,
    steps: row.steps.map((s): ChartStep => ({
      id: s.id,
      status: s.status,
      outcome: s.outcome,
      asOf: s.asOf ? toIsoDate(s.asOf) : null,
      recordedAt: s.recordedAt.toISOString(),
      source: s.citations[0]?.source ?? null,
    })),
  }));
  return { chart: buildStoryChart(entries, event, { day, today: toIsoDate(new Date()) }) };
}

/** One entry's row, from the story its page has read already. */
export function entryStoryChart(
  entry: { id: number; leader: string },
  story: StepDTO[],
  event: EventDTO,
): StoryChart {
  const steps = story.map((s): ChartStep => ({
    id: s.id,
    status: s.status,
    outcome: s.outcome,
    asOf: s.asOf,
    recordedAt: s.recordedAt,
    source: s.citations[0]
      ? { title: s.citations[0].source.title, url: s.citations[0].source.url }
      : null,
  }));
  return buildStoryChart([{ ...entry, steps }], event, { today: toIsoDate(new Date()) });
}
