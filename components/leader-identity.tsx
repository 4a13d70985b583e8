import Link from "next/link";

export type LeaderIdentityProps = {
  id: number;
  aliases: string[];
  wikidataId: string | null;
  /** Link to the leader's own page (not on that page itself). */
  linkToLeader?: boolean;
};

/** Other spellings of a leader's name and their Wikidata item. */
export function LeaderIdentity({
  id,
  aliases,
  wikidataId,
  linkToLeader = true,
}: LeaderIdentityProps) {
  if (aliases.length === 0 && !wikidataId && !linkToLeader) return null;
  return (
    <div className="space-y-1 text-sm text-slate-700 dark:text-slate-300">
      {aliases.length > 0 && (
        <p>
          Also written: <span>{aliases.join(", ")}</span>
        </p>
      )}
      <p className="flex flex-wrap gap-x-4">
        {wikidataId && (
          <a href={`https://www.wikidata.org/wiki/${wikidataId}`} rel="external">
            Wikidata: {wikidataId}
          </a>
        )}
        {linkToLeader && <Link href={`/leaders/${id}`}>All entries of this leader</Link>}
      </p>
    </div>
  );
}
