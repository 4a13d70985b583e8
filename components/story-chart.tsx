import {
  ATTENDANCE_STATUSES,
  STATUS_LABELS,
  claimLabel,
  type AttendanceOutcome,
  type AttendanceStatus,
} from "@/lib/attendance/status";
import { addDays, daysBetween, type StoryChart as Chart } from "@/lib/attendance/story-chart";
import { Fragment } from "react";
import { formatDay } from "./format";
import { ClaimBadge, StatusIcon } from "./status-badge";

export type StoryChartProps = {
  chart: Chart;
  /** The heading's level and words: the event page's section, or the entry page's own row. */
  title: string;
  /** Ids in the page must be unique: a prefix for this chart's. */
  id: string;
  /** Draw the counts over time beside the rows (the event page; one entry's page has none). */
  withCounts?: boolean;
};

type Claim = AttendanceStatus | AttendanceOutcome;

/**
 * The status icons of app/globals.css (`--status-icon`), drawn as SVG symbols so that each
 * point of the chart carries the same shape as the list's badge: never colour alone.
 */
const ICON_PATHS: Record<Claim, React.ReactNode> = {
  confirmed: (
    <>
      <circle cx="8" cy="8" r="7" strokeWidth="1.5" />
      <path d="M4.5 8.5l2.2 2.2L11.5 5.8" />
    </>
  ),
  reported: (
    <>
      <circle cx="8" cy="8" r="7" strokeWidth="1.5" strokeDasharray="2.5 2" />
      <path d="M6 6.2a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6.9v.6" />
      <circle cx="8" cy="11.8" r=".6" className="fill-current" />
    </>
  ),
  declined: (
    <>
      <rect x="1" y="1" width="14" height="14" rx="2" strokeWidth="1.5" />
      <path d="M5 5l6 6M11 5l-6 6" />
    </>
  ),
  attended: (
    <>
      <circle cx="8" cy="8" r="7.5" className="fill-current" stroke="none" />
      <path d="M4.5 8.5l2.2 2.2L11.5 5.8" className="stroke-white" />
    </>
  ),
  partly_attended: (
    <>
      <circle cx="8" cy="8" r="7" strokeWidth="1.5" />
      <path d="M8 1a7 7 0 0 0 0 14z" className="fill-current" strokeWidth="1.5" />
    </>
  ),
  did_not_attend: (
    <>
      <circle cx="8" cy="8" r="7" strokeWidth="1.5" />
      <path d="M3 13L13 3" strokeWidth="1.5" />
    </>
  ),
};

const LABEL_WIDTH = 180;
/** A row: its bar, 18 high, has 4 above and below (the height is the bar rule's in app/globals.css). */
const ROW_HEIGHT = 26;
const AXIS_HEIGHT = 34;
const COUNTS_HEIGHT = 120;
const ICON = 14;

/** Pixels per day: wide enough to see a day, narrow enough that a season fits a laptop. */
const dayWidth = (days: number) => Math.max(3, Math.min(28, Math.floor(760 / Math.max(days, 1))));

const shortDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const short = (day: string) => shortDate.format(new Date(`${day}T00:00:00Z`));

/** Days to label on the axis: about one every 90 pixels, always the first. */
function ticks(start: string, days: number, width: number): string[] {
  const every = Math.max(1, Math.ceil(90 / width));
  const out: string[] = [];
  for (let i = 0; i < days; i += every) out.push(addDays(start, i));
  return out;
}

const claimOf = (s: { status: AttendanceStatus; outcome: AttendanceOutcome | null }): Claim =>
  s.outcome ?? s.status;

/** The last day a segment covers, for the table ("to" is the day after). */
const lastDay = (to: string) => addDays(to, -1);

/**
 * The story of an event as a chart: a row per leader, a bar per claim from the day its source
 * gives to the next claim, the event's days and the day shown marked; and, beside it, how many
 * leaders each status held day by day. Drawn on the server, no script. The drawing is hidden
 * from screen readers, whose users get the same data in the tables below it (with the same
 * links to the sources), so its links are left out of the tab order too.
 * Its colours are the `story-chart` classes of app/globals.css, keyed on the `data-claim` and
 * `data-status` of each drawn group: a bar and an icon per step, each with a class string of
 * its own, made most of the drawing's markup.
 */
export function StoryChart({ chart, title, id, withCounts = false }: StoryChartProps) {
  const days = daysBetween(chart.start, chart.end);
  const dw = dayWidth(days);
  const x = (day: string) => LABEL_WIDTH + daysBetween(chart.start, day) * dw;
  const width = LABEL_WIDTH + days * dw + 8;
  const height = AXIS_HEIGHT + chart.rows.length * ROW_HEIGHT + 4;
  const eventFrom = x(chart.event.date);
  const eventTo = x(addDays(chart.event.endDate, 1));
  const shownDay = chart.day;
  const captionId = `${id}-caption`;
  const eventDays =
    chart.event.endDate !== chart.event.date
      ? `${formatDay(chart.event.date)} – ${formatDay(chart.event.endDate)}`
      : formatDay(chart.event.date);

  const axis = (top: number, bottom: number) => (
    <g className="story-chart-axis">
      <rect
        x={eventFrom}
        y={top}
        width={Math.max(eventTo - eventFrom, 2)}
        height={bottom - top}
        className="fill-blue-100/60 dark:fill-blue-900/40"
      />
      {ticks(chart.start, days, dw).map((day) => (
        <Fragment key={day}>
          <line x1={x(day)} x2={x(day)} y1={top} y2={bottom} />
          <text x={x(day) + 2} y={top - 4}>
            {short(day)}
          </text>
        </Fragment>
      ))}
      {shownDay && (
        <line
          x1={x(addDays(shownDay, 1))}
          x2={x(addDays(shownDay, 1))}
          y1={top - 2}
          y2={bottom}
          strokeWidth="2"
          className="stroke-blue-800 [stroke-dasharray:3_2] dark:stroke-blue-300"
        />
      )}
    </g>
  );

  return (
    <figure aria-labelledby={captionId} className="story-chart space-y-3">
      <figcaption id={captionId} className="space-y-1">
        <span className="block text-lg font-semibold">{title}</span>
        <span className="block text-sm text-slate-700 dark:text-slate-300">
          {/* One string: React marks each seam between two text nodes in the HTML. */}
          {`Each bar runs from the day a source gives for a claim to the next claim, with its status's icon at the start; the shaded band is the event (${eventDays})${shownDay ? `, the dashed line the end of ${formatDay(shownDay)}, the day shown` : ""}. The same data is in the tables below.`}
        </span>
      </figcaption>
      <Legend />
      <div className="overflow-x-auto print:overflow-visible">
        <svg
          aria-hidden="true"
          data-chart="rows"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          className="max-w-none text-slate-900 dark:text-slate-100 print:h-auto print:max-w-full"
        >
          <defs>
            {(Object.keys(ICON_PATHS) as Claim[]).map((claim) => (
              <symbol
                key={claim}
                id={`${id}-${claim}`}
                viewBox="0 0 16 16"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              >
                {ICON_PATHS[claim]}
              </symbol>
            ))}
          </defs>
          {axis(AXIS_HEIGHT - 14, height)}
          {chart.rows.map((row, i) => {
            const y = AXIS_HEIGHT + i * ROW_HEIGHT;
            return (
              <g key={row.id} data-leader={row.leader}>
                <text x={4} y={y + ROW_HEIGHT / 2 + 4}>
                  {row.leader.length > 26 ? `${row.leader.slice(0, 25)}…` : row.leader}
                </text>
                {row.segments.map((s) => {
                  const claim = claimOf(s);
                  const from = x(s.from);
                  const icon = (
                    <use
                      href={`#${id}-${claim}`}
                      x={from}
                      y={y + (ROW_HEIGHT - ICON) / 2}
                      width={ICON}
                      height={ICON}
                    />
                  );
                  return (
                    <g
                      key={s.stepId}
                      data-step={s.stepId}
                      data-claim={claim}
                      data-from={s.from}
                      data-to={s.to}
                    >
                      <rect x={from + 0.5} y={y + 4} width={Math.max(x(s.to) - from - 1, 1)} />
                      {s.source ? (
                        <a href={s.source.url} tabIndex={-1}>
                          <title>{`${row.leader}: ${claimLabel(s)} from ${formatDay(s.from)} (${s.source.title})`}</title>
                          {icon}
                        </a>
                      ) : (
                        icon
                      )}
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
      {withCounts && <CountsChart chart={chart} id={id} dw={dw} axis={axis} x={x} />}
      <details className="story-chart-tables rounded border border-slate-300 p-3 dark:border-slate-700 print:hidden">
        <summary className="cursor-pointer font-medium">The chart as tables</summary>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm" data-table="rows">
            <caption className="pb-2 text-left font-medium">
              {`${title}: each claim and its days`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Leader</th>
                <th scope="col">Claim</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {chart.rows.flatMap((row) =>
                row.segments.map((s) => (
                  <tr key={s.stepId} data-step={s.stepId}>
                    <th scope="row">{row.leader}</th>
                    <td>
                      <ClaimBadge status={s.status} outcome={s.outcome} />
                    </td>
                    <td>
                      <time dateTime={s.from}>{formatDay(s.from)}</time>
                    </td>
                    <td>
                      <time dateTime={lastDay(s.to)}>{formatDay(lastDay(s.to))}</time>
                    </td>
                    <td>
                      {s.source ? <a href={s.source.url}>{s.source.title}</a> : "No source cited"}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          {withCounts && <CountsTable chart={chart} />}
        </div>
      </details>
    </figure>
  );
}

function Legend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Key">
      {ATTENDANCE_STATUSES.map((status) => (
        <li key={status} className="flex items-center gap-1">
          <StatusIcon status={status} />
          {STATUS_LABELS[status]}
        </li>
      ))}
    </ul>
  );
}

type Point = [x: number, y: number];

/**
 * The corners of a line through `points`: a point equal to the one before it, or in the middle
 * of a straight horizontal or vertical run, draws nothing of its own (a step line of a count
 * that holds for days is mostly such points).
 */
function corners(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const point of points) {
    const last = out.at(-1);
    const before = out.at(-2);
    if (last && last[0] === point[0] && last[1] === point[1]) continue;
    if (last && before && (onRun(before, last, point, 0) || onRun(before, last, point, 1))) {
      out[out.length - 1] = point;
    } else {
      out.push(point);
    }
  }
  return out;
}

/** `b` lies between `a` and `c` on a straight run along which coordinate `fixed` stays put. */
function onRun(a: Point, b: Point, c: Point, fixed: 0 | 1) {
  const along = fixed === 0 ? 1 : 0;
  return (
    a[fixed] === b[fixed] &&
    b[fixed] === c[fixed] &&
    (b[along] - a[along]) * (c[along] - b[along]) >= 0
  );
}

/** The days on which a count changed (and the first): the table need not repeat the others. */
function changes(chart: Chart) {
  return chart.counts.filter((c, i) => {
    const before = chart.counts[i - 1];
    return !before || ATTENDANCE_STATUSES.some((s) => before[s] !== c[s]);
  });
}

function CountsChart({
  chart,
  id,
  dw,
  axis,
  x,
}: {
  chart: Chart;
  id: string;
  dw: number;
  axis: (top: number, bottom: number) => React.ReactNode;
  x: (day: string) => number;
}) {
  const days = chart.counts.length;
  const width = LABEL_WIDTH + days * dw + 8;
  const top = 20;
  const height = top + COUNTS_HEIGHT + 8;
  const max = Math.max(1, ...chart.counts.flatMap((c) => ATTENDANCE_STATUSES.map((s) => c[s])));
  const y = (n: number) => top + COUNTS_HEIGHT - (n / max) * (COUNTS_HEIGHT - ICON);
  return (
    <div className="space-y-1">
      <p className="font-medium">Leaders by status, day by day</p>
      <div className="overflow-x-auto print:overflow-visible">
        <svg
          aria-hidden="true"
          data-chart="counts"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          className="max-w-none text-slate-900 dark:text-slate-100 print:h-auto print:max-w-full"
        >
          {axis(top, top + COUNTS_HEIGHT)}
          <text x={4} y={y(max) + 4} className="fill-current text-[11px]">
            {max}
          </text>
          <text x={4} y={y(0)} className="fill-current text-[11px]">
            0
          </text>
          {ATTENDANCE_STATUSES.map((status) => {
            // A step line: each day's count holds from its start to its end.
            const points = corners(
              chart.counts.flatMap((c): Point[] => {
                const from = x(c.day);
                return [
                  [from, y(c[status])],
                  [from + dw, y(c[status])],
                ];
              }),
            );
            const lastCount = chart.counts.at(-1)?.[status] ?? 0;
            return (
              <g key={status} data-status={status}>
                <polyline
                  points={points.map(([px, py]) => `${px},${py}`).join(" ")}
                  fill="none"
                  strokeWidth="2"
                />
                <use
                  href={`#${id}-${status}`}
                  x={width - 8 - ICON}
                  y={y(lastCount) - ICON / 2}
                  width={ICON}
                  height={ICON}
                />
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}

function CountsTable({ chart }: { chart: Chart }) {
  return (
    <table className="mt-4 text-left text-sm" data-table="counts">
      <caption className="pb-2 text-left font-medium">
        Leaders by status at the end of each day (the days a count changed)
      </caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          {ATTENDANCE_STATUSES.map((s) => (
            <th key={s} scope="col">
              {STATUS_LABELS[s]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {changes(chart).map((c) => (
          <tr key={c.day}>
            <th scope="row">
              <time dateTime={c.day}>{formatDay(c.day)}</time>
            </th>
            {ATTENDANCE_STATUSES.map((s) => (
              <td key={s}>{c[s]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
