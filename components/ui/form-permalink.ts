"use client";

import { usePathname, useSearchParams } from "next/navigation";

/**
 * The address a form posts to before JavaScript has loaded: the page it is on, query and all,
 * as useActionState's `permalink`. Without one React writes `action=""` on every server
 * action's form, which HTML does not allow (an action must be a non-empty URL); the browser
 * posted to the page's own address then, and does now, by name.
 */
export function useFormPermalink(): string {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return query ? `${pathname}?${query}` : pathname;
}
