"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

export type DuplicateLeaderWarningProps = {
  /** The inputs holding the new leader's name and (one a line) its aliases. */
  inputIds: string[];
  /** The leader being edited, which is not a duplicate of itself. */
  excludeId?: number;
  className?: string;
};

type Similar = { id: number; name: string; office: string; polity: string };

/**
 * Warns while a leader's name is typed that one of that name (or alias) exists already,
 * accents and case aside, with a link to it, before anything is saved. The server checks
 * again on save; this only says it sooner.
 */
export function DuplicateLeaderWarning({
  inputIds,
  excludeId,
  className,
}: DuplicateLeaderWarningProps) {
  const [similar, setSimilar] = useState<Similar[]>([]);
  const ids = inputIds.join(" ");

  useEffect(() => {
    const inputs = ids
      .split(" ")
      .map((id) => document.getElementById(id))
      .filter((el): el is HTMLInputElement | HTMLTextAreaElement => el !== null);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const check = () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const names = inputs.flatMap((el) => el.value.split("\n")).map((n) => n.trim());
        const params = new URLSearchParams();
        for (const name of names.filter(Boolean).slice(0, 21)) params.append("name", name);
        if (excludeId) params.set("exclude", String(excludeId));
        if (!params.has("name")) return setSimilar([]);
        controller?.abort();
        controller = new AbortController();
        try {
          const response = await fetch(`/admin/leaders/similar?${params}`, {
            signal: controller.signal,
          });
          if (response.ok) setSimilar(((await response.json()) as { leaders: Similar[] }).leaders);
        } catch {
          // Aborted by a newer keystroke, or offline: the save checks again anyway.
        }
      }, 300);
    };
    for (const el of inputs) el.addEventListener("input", check);
    check();
    return () => {
      clearTimeout(timer);
      controller?.abort();
      for (const el of inputs) el.removeEventListener("input", check);
    };
  }, [ids, excludeId]);

  return (
    <div aria-live="polite" className={className}>
      {similar.length > 0 && (
        <ul className="rounded border border-amber-700 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-300 dark:bg-slate-900 dark:text-amber-100">
          {similar.map((d) => (
            <li key={d.id}>
              There is already{" "}
              <Link href={`/admin/leaders/${d.id}`} target="_blank">
                {d.name} ({d.office}, {d.polity})
                <span className="sr-only"> (opens in a new tab)</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
