import "server-only";
import type { AttendanceStatus } from "@/lib/attendance/status";
import { getSource, listCitedPassages } from "./sources";

/** A source as the entry form's source panel shows it: its text and what is cited in it. */
export type SourceForCiting = {
  id: number;
  title: string;
  text: string;
  /** Cited spans in text order, each with the entries whose steps cite it. */
  passages: {
    start: number;
    end: number;
    entries: {
      attendanceId: number;
      leaderName: string;
      status: AttendanceStatus;
      asOf: string | null;
      current: boolean;
    }[];
  }[];
};

/** For the admin's source panel: the text to select a quote in and the passages already cited. */
export async function getSourceForCiting(id: number): Promise<SourceForCiting | null> {
  const source = await getSource(id);
  if (!source) return null;
  const passages = await listCitedPassages(id);
  return {
    id: source.id,
    title: source.title,
    text: source.text,
    passages: passages.map((p) => ({
      start: p.start,
      end: p.end,
      entries: p.entries.map((e) => ({
        attendanceId: e.attendanceId,
        leaderName: e.leaderName,
        status: e.status,
        asOf: e.asOf,
        current: e.current,
      })),
    })),
  };
}
