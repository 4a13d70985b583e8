import Link from "next/link";

export type DangerLinkProps = { href: string; children: React.ReactNode };

/**
 * The first click of a destructive action: a link to the page that says what will happen and
 * holds the form that does it, so the action asks first, with JavaScript or without.
 */
export function DangerLink({ href, children }: DangerLinkProps) {
  return (
    <Link
      href={href}
      className="inline-block rounded border-2 border-red-800 px-4 py-2 font-medium text-red-900 no-underline hover:bg-red-50 dark:border-red-300 dark:text-red-200 dark:hover:bg-red-950"
    >
      {children}
    </Link>
  );
}
