/**
 * One save on the scale database, as an editor makes it: the current step's form in Chromium,
 * signed in with the benchmark's session. Then, over HTTP, whether the public page shows the change at
 * once, and whether the pages the change does not touch are still served from the cache.
 */
import { chromium } from "@playwright/test";
import { chromiumExecutable, installedChromium } from "../scripts/chromium.mjs";
import { STATUS_LABELS, type AttendanceStatus } from "../lib/attendance/status";

export type EditResult =
  | { skipped: string }
  | {
      entryId: number;
      eventSlug: string;
      from: AttendanceStatus;
      to: AttendanceStatus;
      /** Click on "Save step" to the server action's response. */
      saveMs: number;
      /** Click to the confirmation on the reloaded form. */
      confirmedMs: number;
      /** The first request for the event page after the save: it renders again. */
      rerenderMs: number;
      rerenderCache: string;
      reflected: boolean;
      /** x-nextjs-cache of pages the save must not revalidate, requested after it. */
      untouched: Record<string, string>;
    };

async function get(url: string) {
  const started = performance.now();
  const response = await fetch(url);
  const html = await response.text();
  return {
    ms: performance.now() - started,
    html,
    cache: response.headers.get("x-nextjs-cache") ?? "none",
  };
}

/** The status word in the table row of an entry on an event page. */
export function statusInRow(html: string, entryId: number): AttendanceStatus | null {
  const start = html.indexOf(`id="entry-${entryId}"`);
  if (start === -1) return null;
  const row = html.slice(start, html.indexOf("</tr>", start));
  const found = (Object.entries(STATUS_LABELS) as [AttendanceStatus, string][]).find(([, label]) =>
    row.includes(`>${label}</span>`),
  );
  return found?.[0] ?? null;
}

export async function timeEdit(options: {
  origin: string;
  cookies: { name: string; value: string }[];
  entryId: number;
  eventSlug: string;
  from: AttendanceStatus;
  to: AttendanceStatus;
  untouchedPaths: string[];
}): Promise<EditResult> {
  if (!installedChromium())
    return { skipped: "no Chromium (install Debian's chromium or set CHROMIUM_PATH)" };
  const { origin, entryId, eventSlug } = options;

  // Cached before the save: the event page and the pages the save must leave alone.
  for (const path of [`/events/${eventSlug}`, ...options.untouchedPaths]) {
    await get(origin + path);
    const again = await get(origin + path);
    if (again.cache !== "HIT")
      throw new Error(`${path} is not served from the cache before the save (${again.cache}).`);
  }

  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const context = await browser.newContext({ baseURL: origin });
    await context.addCookies(options.cookies.map((c) => ({ ...c, url: origin })));
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`/admin/entries/${entryId}`);
    // The current step of the story, edited to the other status.
    const step = page.getByRole("listitem").filter({ hasText: "(current status)" });
    await step.getByText(/^Edit this step/).click();
    const form = step.getByRole("form");
    await form.getByRole("radio", { name: new RegExp(`^${STATUS_LABELS[options.to]}`) }).check();

    const started = performance.now();
    const response = page.waitForResponse((r) => r.request().method() === "POST");
    await form.getByRole("button", { name: "Save step" }).click();
    await response;
    const saveMs = performance.now() - started;
    // Saved, the page reloads with its confirmation; refused, the form stays and says why in
    // its alert (a date the guards question, a conflict, a field): stop on that at once.
    const saved = page.getByRole("status").filter({ hasText: "Step saved." });
    const refused = form.getByRole("alert").first();
    await saved.or(refused).first().waitFor();
    if (!(await saved.isVisible()))
      throw new Error(`The step was not saved: ${(await refused.innerText()).trim()}`);
    const confirmedMs = performance.now() - started;

    const after = await get(`${origin}/events/${eventSlug}`);
    const untouched: Record<string, string> = {};
    for (const path of options.untouchedPaths) untouched[path] = (await get(origin + path)).cache;
    return {
      entryId,
      eventSlug,
      from: options.from,
      to: options.to,
      saveMs,
      confirmedMs,
      rerenderMs: after.ms,
      rerenderCache: after.cache,
      reflected: statusInRow(after.html, entryId) === options.to,
      untouched,
    };
  } finally {
    await browser.close();
  }
}
