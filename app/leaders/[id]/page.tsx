import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Flag, FlagSymbols } from "@/components/flag";
import { formatDay } from "@/components/format";
import { LeaderIdentity } from "@/components/leader-identity";
import { StatusBadge } from "@/components/status-badge";
import { getLeaderPage } from "@/lib/data/leader-pages";
import { parseId } from "@/lib/validation/id";

type LeaderPageProps = { params: Promise<{ id: string }> };

// Rendered on first request, then served from the page cache until an edit of the leader or
// of one of their entries (its event's name or date, its status) revalidates it
// (lib/actions/revalidate.ts). Nothing on it depends on the date.
export const revalidate = false;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: LeaderPageProps): Promise<Metadata> {
  const id = parseId((await params).id);
  const leader = id ? await getLeaderPage(id) : null;
  return { title: leader ? leader.name : "Leader not found" };
}

export default async function LeaderPage({ params }: LeaderPageProps) {
  const id = parseId((await params).id);
  const leader = id ? await getLeaderPage(id) : null;
  if (!leader) notFound();
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <FlagSymbols codes={[leader.countryCode]} />
        <h1 className="flex items-center gap-3 text-2xl font-bold tracking-tight sm:text-3xl">
          <Flag code={leader.countryCode} className="h-6 w-9" />
          {leader.name}
        </h1>
        <p className="text-slate-700 dark:text-slate-300">
          {leader.office}, {leader.polity}
        </p>
        <LeaderIdentity {...leader} linkToLeader={false} />
      </header>
      <section aria-labelledby="entries-heading" className="space-y-3">
        <h2 id="entries-heading" className="text-xl font-semibold">
          Events
        </h2>
        {leader.entries.length === 0 ? (
          <p>No entries for this leader yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {leader.entries.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <Link href={`/attendance/${e.id}`} className="font-semibold">
                    {e.event.name}
                  </Link>{" "}
                  <time
                    dateTime={e.event.date}
                    className="text-sm text-slate-600 dark:text-slate-400"
                  >
                    {formatDay(e.event.date)}
                  </time>
                </span>
                <StatusBadge status={e.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
