import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { siteUrl } from "@/lib/env";
import { SITE_PICTURES } from "@/lib/seo";
import "./globals.css";

const description =
  "Which world leaders attend a diplomatic event, with the passage of the news report behind every status.";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: "Rollcall", template: "%s · Rollcall" },
  description,
  openGraph: {
    type: "website",
    siteName: "Rollcall",
    title: "Rollcall",
    description,
    images: SITE_PICTURES.openGraph,
  },
  twitter: {
    card: "summary_large_image",
    title: "Rollcall",
    description,
    images: SITE_PICTURES.twitter,
  },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 dark:border-slate-800">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <Link href="/" className="text-lg font-semibold tracking-tight no-underline">
              Rollcall
            </Link>
            <nav aria-label="Main">
              <ul className="flex gap-4 text-sm">
                <li>
                  <Link href="/events" className="hover:underline">
                    Events
                  </Link>
                </li>
                <li>
                  <Link href="/changes" className="hover:underline">
                    Changes
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-5xl px-4 py-8 text-sm text-slate-600 dark:text-slate-400">
          Every status is backed by a quotation of its source. Follow a citation marker to read the
          passage in the stored article.
        </footer>
      </body>
    </html>
  );
}
