import type { Metadata } from "next";

const description =
  "Which world leaders attend the featured event, with the passage of the news report behind every status.";

/** The home page's metadata, shared by "/" with filters and its cached unfiltered view. */
export const homeMetadata: Metadata = {
  title: "Who attends",
  description,
  openGraph: {
    type: "website",
    siteName: "Rollcall",
    title: "Who attends · Rollcall",
    description,
  },
  twitter: { card: "summary_large_image", title: "Who attends · Rollcall", description },
};
