import Link from "next/link";
import type { SourceVersionDTO } from "@/lib/data/source-versions";
import { formatDay } from "./format";
import { SnapshotLink } from "./snapshot-link";

/**
 * The versions of a source's text, newest first, each a link to the text as it stood. Shown
 * only once the text has been edited: a source with one version has nothing to choose from.
 */
export function SourceVersions({
  sourceId,
  versions,
  showing,
}: {
  sourceId: number;
  versions: SourceVersionDTO[];
  /** The version on screen. */
  showing: number;
}) {
  if (versions.length < 2) return null;
  return (
    <nav aria-labelledby="versions-heading" className="text-sm">
      <h2 id="versions-heading" className="font-semibold">
        Versions of this text
      </h2>
      <ol className="mt-1 space-y-1">
        {versions.map((v) => {
          const label = v.current
            ? `Version ${v.number}, current, since ${formatDay(v.since)}`
            : `Version ${v.number}, as it stood on ${formatDay(v.since)}${v.until ? ` until ${formatDay(v.until)}` : ""}`;
          const dates = versionDates(v);
          const href = v.current
            ? `/sources/${sourceId}`
            : `/sources/${sourceId}/versions/${v.number}`;
          return (
            <li key={v.number}>
              {v.number === showing ? (
                <span aria-current="page" className="font-medium">
                  {label}
                </span>
              ) : (
                <Link href={href} className="underline">
                  {label}
                </Link>
              )}
              {dates && <span className="text-slate-600 dark:text-slate-400"> · {dates}</span>}
              {v.summary && (
                <span className="text-slate-600 dark:text-slate-400"> · {v.summary}</span>
              )}
              {v.fetchedAt && (
                <>
                  {" · "}
                  <SnapshotLink sourceId={sourceId} version={v} capital={false} />
                </>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/**
 * Both dates of a version: when the publisher changed the text (when an editor gave it) and
 * when it was saved here. Null when only the save's date is known (the label says it).
 */
export function versionDates(v: SourceVersionDTO): string | null {
  if (!v.changedOn) return null;
  return `changed by the publisher on ${formatDay(v.changedOn)}, saved here on ${formatDay(v.since)}`;
}
