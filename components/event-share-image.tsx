import { ImageResponse } from "next/og";
import { ATTENDANCE_STATUSES, STATUS_LABELS } from "@/lib/attendance/status";
import type { EventDTO, StatusCounts } from "@/lib/data/dto";
import { shareImageSize } from "@/lib/seo";
import { formatDay } from "./format";

export { shareImageAlt, shareImageSize } from "@/lib/seo";

export type EventShareImageProps = { event: EventDTO | null; counts: StatusCounts };

/** Pictures drawn, by what they show, most recently used last. */
const drawn = new Map<string, ArrayBuffer>();
const DRAWN_LIMIT = 64;

/**
 * The answer for a picture of nothing (an unknown event, say): a 404 that no cache keeps, so an
 * address asked for before its event exists is not kept as missing by a cache in front (nginx
 * keeps what the app marks shareable).
 */
export const noShareImage = () =>
  new Response("No such picture.\n", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

/**
 * The picture a shared link previews with, as a response: drawn once for what it shows (the
 * event and its counts) and kept, so that a request costs a lookup, not a drawing, until an edit
 * changes the event or its counts. Sent with the Cache-Control of the cached pages (`cacheControl`),
 * not next/og's year: the counts change.
 */
export async function eventShareImage(
  props: EventShareImageProps,
  cacheControl: string,
): Promise<Response> {
  const key = JSON.stringify([props.event, props.counts]);
  let bytes = drawn.get(key);
  if (bytes) drawn.delete(key);
  else bytes = await drawEventShareImage(props).arrayBuffer();
  drawn.set(key, bytes);
  for (const old of drawn.keys()) {
    if (drawn.size <= DRAWN_LIMIT) break;
    drawn.delete(old);
  }
  return new Response(bytes, {
    headers: { "content-type": "image/png", "cache-control": cacheControl },
  });
}

/**
 * The picture itself: the event and its counts. Drawn with the font that ships with next/og
 * (Latin script), so nothing is fetched.
 */
function drawEventShareImage({ event, counts }: EventShareImageProps): ImageResponse {
  const figures = [
    { label: counts.total === 1 ? "Leader" : "Leaders", value: counts.total },
    ...ATTENDANCE_STATUSES.map((status) => ({
      label: STATUS_LABELS[status],
      value: counts[status],
    })),
  ];
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "56px 72px",
        background: "#ffffff",
        color: "#0f172a",
        borderTop: "24px solid #1e40af",
      }}
    >
      <div style={{ display: "flex", fontSize: 36, color: "#1e40af" }}>Rollcall · who attends</div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div style={{ display: "flex", fontSize: 76, lineHeight: 1.1 }}>
          {event ? event.name : "No events yet"}
        </div>
        <div style={{ display: "flex", marginTop: 20, fontSize: 40, color: "#334155" }}>
          {event
            ? `${formatDay(event.date)} · ${event.place}`
            : "Which world leaders attend, with the source behind every status"}
        </div>
      </div>
      <div style={{ display: "flex", gap: 64 }}>
        {figures.map(({ label, value }) => (
          <div key={label} style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ display: "flex", fontSize: 88, lineHeight: 1 }}>{String(value)}</div>
            <div style={{ display: "flex", fontSize: 32, color: "#334155" }}>{label}</div>
          </div>
        ))}
      </div>
    </div>,
    shareImageSize,
  );
}
