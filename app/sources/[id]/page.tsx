import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatDay } from "@/components/format";
import { describeStep, SourceText } from "@/components/source-text";
import { SnapshotLink } from "@/components/snapshot-link";
import { SourceVersions } from "@/components/source-versions";
import { getSource, getSourceVersions, listCitedPassages } from "@/lib/data/sources";
import { urlWithTextFragment } from "@/lib/quotes/text-fragment";
import { parseId } from "@/lib/validation/id";
import { countOf } from "@/lib/text/plural";

type SourcePageProps = { params: Promise<{ id: string }> };

// Rendered on first request, then served from the page cache until an edit of the source or
// of an entry citing it (or of that entry's leader's name, or its event's address) revalidates
// it (lib/actions/revalidate.ts). Nothing on it depends on the date.
export const revalidate = false;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: SourcePageProps): Promise<Metadata> {
  const id = parseId((await params).id);
  const source = id ? await getSource(id) : null;
  return { title: source ? source.title : "Source not found" };
}

export default async function SourcePage({ params }: SourcePageProps) {
  const id = parseId((await params).id);
  const source = id ? await getSource(id) : null;
  if (!source) notFound();
  const [passages, versions] = await Promise.all([
    listCitedPassages(source.id),
    getSourceVersions(source.id),
  ]);
  const current = versions?.find((v) => v.number === source.textVersion);

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">
          Source
        </p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{source.title}</h1>
        <p className="text-slate-700 dark:text-slate-300">
          {source.publisher} ·{" "}
          {source.publishedOn ? (
            <>
              published <time dateTime={source.publishedOn}>{formatDay(source.publishedOn)}</time>
            </>
          ) : (
            <>publication date unknown</>
          )}
        </p>
        {source.dateNote && (
          <p className="text-sm text-slate-600 dark:text-slate-400">{source.dateNote}</p>
        )}
        <p>
          <a
            href={source.url}
            rel="noopener noreferrer"
            className="text-blue-800 underline dark:text-blue-300"
          >
            Read the original on {new URL(source.url).hostname}
          </a>
        </p>
        {current?.fetchedAt && (
          <p>
            <SnapshotLink sourceId={source.id} version={current} />
          </p>
        )}
      </header>

      <SourceVersions sourceId={source.id} versions={versions ?? []} showing={source.textVersion} />

      <section
        aria-labelledby="passages-heading"
        className="rounded-lg bg-slate-50 p-4 dark:bg-slate-900"
      >
        <h2 id="passages-heading" className="font-semibold">
          {countOf(passages.length, "cited passage")}
        </h2>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
          {passages.map((passage) => (
            <li key={`${passage.start}-${passage.end}`}>
              <a href={`#passage-${passage.start}-${passage.end}`} className="underline">
                {passage.entries.map((e) => `${e.leaderName} (${describeStep(e)})`).join("; ")}
              </a>{" "}
              ·{" "}
              <a
                href={urlWithTextFragment(source.url, passage.quote)}
                rel="noopener noreferrer"
                className="text-blue-800 underline dark:text-blue-300"
              >
                at the original
                <span className="sr-only">
                  {" "}
                  page, {passage.entries.map((e) => e.leaderName).join(", ")}
                </span>
              </a>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="text-heading">
        <h2 id="text-heading" className="sr-only">
          Full text
        </h2>
        <SourceText text={source.text} passages={passages} />
      </section>
    </article>
  );
}
