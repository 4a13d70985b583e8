import type { SourceVersionDTO } from "@/lib/data/source-versions";
import { formatDay } from "./format";

export type SnapshotLinkProps = {
  sourceId: number;
  version: Pick<SourceVersionDTO, "number" | "fetchedAt"> | undefined;
  /** "The page…" at the start of a line, "the page…" inside one. */
  capital?: boolean;
};

/**
 * A link to the page a version's text was read from, as fetched: the archive a reader can
 * check a citation against once the publisher's page has changed or gone. A plain link, as
 * it is no page of this site's (no prefetch).
 */
export function SnapshotLink({ sourceId, version, capital = true }: SnapshotLinkProps) {
  if (!version?.fetchedAt) return null;
  return (
    <a
      href={`/sources/${sourceId}/versions/${version.number}/snapshot`}
      rel="nofollow"
      className="text-blue-800 underline dark:text-blue-300"
    >
      {capital ? "The" : "the"} page as fetched on {formatDay(version.fetchedAt)}
    </a>
  );
}
