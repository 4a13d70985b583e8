/**
 * The story of an event as a chart: for each entry, the claim in force from each step's day to
 * the next, and for each day the number of leaders per status. Pure: the data layer reads the
 * steps (lib/data/story-chart.ts), the component draws what this computes
 * (components/story-chart.tsx), and the table beside the drawing shows the same segments.
 */
import { effectiveDay, storyOrder } from "@/lib/history/story";
import { ATTENDANCE_STATUSES, type AttendanceOutcome, type AttendanceStatus } from "./status";

/** A step as the chart needs it: its claim, its day, and the source to link its point to. */
export type ChartStep = {
  id: number;
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
  asOf: string | null;
  recordedAt: string;
  /** The first citation's source; null for a step without citations. */
  source: { title: string; url: string } | null;
};

export type ChartEntry = { id: number; leader: string; steps: ChartStep[] };

/** From `from` up to but not including `to` (the next claim's day, or the chart's end). */
export type ChartSegment = {
  stepId: number;
  from: string;
  to: string;
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
  source: { title: string; url: string } | null;
};

export type ChartRow = { id: number; leader: string; segments: ChartSegment[] };

export type DailyCounts = { day: string } & Record<AttendanceStatus, number>;

export type StoryChart = {
  /** The first day drawn and the day after the last: segments end on `end` at the latest. */
  start: string;
  end: string;
  /** The event's first and last days, marked. */
  event: { date: string; endDate: string };
  /** The day the chart is shown for (`?asOf=`), marked; null for the current story. */
  day: string | null;
  rows: ChartRow[];
  counts: DailyCounts[];
};

const DAY_MS = 86_400_000;

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Builds the chart of `entries` as their stories stood at the end of `day` (all of them
 * without one). `today` ends the chart of a story still being told, so the last claim's bar
 * runs up to now rather than stopping at its own day.
 */
export function buildStoryChart(
  entries: ChartEntry[],
  event: { date: string; endDate: string },
  options: { day?: string | null; today: string },
): StoryChart {
  const day = options.day ?? null;
  const inForce = entries.map((entry) => ({
    ...entry,
    steps: storyOrder(entry.steps).filter((s) => !day || effectiveDay(s) <= day),
  }));
  const days = inForce.flatMap((e) => e.steps.map(effectiveDay));
  const first = [event.date, ...days].sort()[0]!;
  // The last day drawn: the event's last day, the day shown, or today if the event is to come.
  const horizon = day ?? (options.today < event.date ? options.today : event.endDate);
  const last = [event.endDate, horizon, ...days].sort().at(-1)!;
  const start = first;
  const end = addDays(last, 1);
  // On a past day's chart nothing is known after that day: the bars and counts stop there.
  const known = day && addDays(day, 1) < end ? addDays(day, 1) : end;

  const rows: ChartRow[] = inForce
    .filter((e) => e.steps.length > 0)
    .map((entry) => {
      // The claim in force at the end of a day is that day's last step in story order.
      const byDay = new Map<string, ChartStep>();
      for (const step of entry.steps) byDay.set(effectiveDay(step), step);
      const changes = [...byDay.entries()];
      return {
        id: entry.id,
        leader: entry.leader,
        segments: changes.map(([from, step], i) => ({
          stepId: step.id,
          from,
          to: changes[i + 1]?.[0] ?? known,
          status: step.status,
          outcome: step.outcome,
          source: step.source,
        })),
      };
    })
    .sort((a, b) => a.leader.localeCompare(b.leader) || a.id - b.id);

  return { start, end, event, day, rows, counts: dailyCounts(rows, start, known) };
}

/** Each day from `start` to before `end`: how many leaders each status held at its end. */
export function dailyCounts(rows: ChartRow[], start: string, end: string): DailyCounts[] {
  const total = daysBetween(start, end);
  const counts: DailyCounts[] = [];
  for (let i = 0; i < total; i++) {
    const day = addDays(start, i);
    const tally = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<
      AttendanceStatus,
      number
    >;
    for (const row of rows) {
      const segment = row.segments.find((s) => s.from <= day && day < s.to);
      if (segment) tally[segment.status] += 1;
    }
    counts.push({ day, ...tally });
  }
  return counts;
}
