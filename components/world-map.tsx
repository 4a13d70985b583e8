import { ATTENDANCE_STATUSES, STATUS_LABELS, type AttendanceStatus } from "@/lib/attendance/status";
import { worldAtlas } from "@/lib/map/atlas";
import { buildWorldMap, LAND_ID, MARKER_RADIUS, type MapEntry } from "@/lib/map/world-map";

export type WorldMapProps = { entries: MapEntry[] };

/** Fill of each status: a colour and a texture, so the map reads in greyscale too. */
const patternId = (status: AttendanceStatus) => `map-fill-${status}`;
const fillOf = (status: AttendanceStatus) => `url(#${patternId(status)})`;

/**
 * Where the leaders come from: each country shaded by its leader's status, markers for
 * entities without a shape of their own. Every shape and marker is a link to its entry with the
 * leader and status in its title. Rendered on the server; no client JavaScript.
 */
export function WorldMap({ entries }: WorldMapProps) {
  const map = buildWorldMap(worldAtlas, entries);
  return (
    <div className="space-y-2">
      <svg
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="group"
        aria-label={map.label}
        className="h-auto w-full max-w-3xl"
      >
        <Patterns />
        {/* Served by app/map/land.svg: the same for every event, so cached. */}
        <use
          href={`/map/land.svg#${LAND_ID}`}
          className="fill-slate-200 dark:fill-slate-700"
          aria-hidden="true"
        />
        <g className="stroke-white stroke-[0.75] dark:stroke-slate-950">
          {map.sharedShapes.map((shape) => (
            <path key={shape.key} d={shape.d} fill={fillOf(shape.status)} aria-hidden="true" />
          ))}
          {map.links.map(({ entry, title, shape, marker }) => (
            <a key={entry.id} href={`/attendance/${entry.id}`} className="map-link">
              <title>{title}</title>
              {shape && <path d={shape} fill={fillOf(entry.status)} className="map-shape" />}
              {marker && <Marker status={entry.status} {...marker} />}
            </a>
          ))}
        </g>
      </svg>
      <MapLegend />
      {map.unplaced.length > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Not on the map (no country, or one the map lacks):{" "}
          {map.unplaced.map((e) => e.leader.name).join(", ")}.
        </p>
      )}
    </div>
  );
}

function Patterns() {
  return (
    <defs>
      <pattern id={patternId("confirmed")} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" className="fill-emerald-700 dark:fill-emerald-400" />
      </pattern>
      <pattern
        id={patternId("reported")}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" className="fill-amber-300" />
        <rect width="3" height="6" className="fill-amber-800 dark:fill-amber-600" />
      </pattern>
      <pattern id={patternId("declined")} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" className="fill-white dark:fill-slate-950" />
        <circle cx="2.5" cy="2.5" r="1.2" className="fill-slate-700 dark:fill-slate-300" />
      </pattern>
    </defs>
  );
}

/** A circle, a dashed circle or a square, as in the status icons; filled with the status. */
function Marker({ status, x, y }: { status: AttendanceStatus; x: number; y: number }) {
  const r = MARKER_RADIUS;
  const outline = "map-shape map-marker stroke-slate-900 stroke-[1.5] dark:stroke-slate-100";
  return status === "declined" ? (
    <rect
      x={x - r}
      y={y - r}
      width={2 * r}
      height={2 * r}
      fill={fillOf(status)}
      className={outline}
    />
  ) : (
    <circle
      cx={x}
      cy={y}
      r={r}
      fill={fillOf(status)}
      className={outline}
      strokeDasharray={status === "reported" ? "3 2" : undefined}
    />
  );
}

function MapLegend() {
  return (
    <ul
      aria-label="Map legend"
      className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700 dark:text-slate-300"
    >
      {ATTENDANCE_STATUSES.map((status) => (
        <li key={status} className="flex items-center gap-1.5">
          <svg width="20" height="14" aria-hidden="true" className="shrink-0">
            <rect
              x=".5"
              y=".5"
              width="19"
              height="13"
              fill={fillOf(status)}
              className="stroke-slate-500"
            />
          </svg>
          {STATUS_LABELS[status]}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <svg width="14" height="14" aria-hidden="true" className="shrink-0">
          <circle
            cx="7"
            cy="7"
            r="5.5"
            className="fill-slate-400 stroke-slate-900 stroke-[1.5] dark:stroke-slate-100"
          />
        </svg>
        Marker: a region, or a country too small to see
      </li>
    </ul>
  );
}
