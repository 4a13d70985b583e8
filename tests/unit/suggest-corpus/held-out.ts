/**
 * Reports written after the rules, and never used to change them: the suggestions' figures on
 * text they were not shaped by. Printed beside the corpus's; no threshold (see README).
 */
import type { CorpusReport } from "./reports";

export const HELD_OUT: CorpusReport[] = [
  {
    id: "held-out-guest-list",
    publishedOn: "2025-05-07",
    text: `MOSCOW, May 7 (Meridian Wire) - Vietnam's To Lam flew into Moscow late on Tuesday, becoming one of the first guests to arrive for Friday's parade.

Kremlin spokesman Dmitry Peskov said on Wednesday that Egyptian President Abdel Fattah al-Sisi would attend, putting to rest speculation that Cairo would send a lower-level delegation.

Uzbekistan's Shavkat Mirziyoyev is scheduled to arrive on Thursday, his press secretary said. Armenian Prime Minister Nikol Pashinyan will not travel to Moscow, an Armenian government official told Meridian Wire, without giving a reason.

Malaysian Prime Minister Anwar Ibrahim, who visited Moscow last month, has declined the invitation, his office said.`,
    claims: [
      {
        leader: "To Lam",
        claim: "confirmed",
        asOf: "2025-05-07",
        quoteHas: ["To Lam", "flew into Moscow"],
      },
      {
        leader: "Abdel Fattah al-Sisi",
        claim: "confirmed",
        asOf: "2025-05-07",
        quoteHas: ["al-Sisi", "would attend"],
      },
      {
        leader: "Shavkat Mirziyoyev",
        claim: "confirmed",
        asOf: "2025-05-07",
        quoteHas: ["Shavkat Mirziyoyev", "is scheduled to arrive"],
      },
      {
        leader: "Nikol Pashinyan",
        claim: "declined",
        asOf: "2025-05-07",
        quoteHas: ["Nikol Pashinyan", "will not travel to Moscow"],
      },
      {
        leader: "Anwar Ibrahim",
        claim: "declined",
        asOf: "2025-05-07",
        quoteHas: ["Anwar Ibrahim", "has declined the invitation"],
        isNew: true,
      },
    ],
  },
  {
    id: "held-out-after",
    publishedOn: "2025-05-10",
    text: `MOSCOW, May 10 (Meridian Wire) - More than 20 foreign leaders watched Friday's parade on Red Square, among them China's Xi Jinping, Venezuela's Nicolas Maduro and Cuba's Miguel Diaz-Canel.

Serbian President Aleksandar Vucic attended despite pressure from Brussels, while Slovakia's Robert Fico stood alongside Putin at a wreath-laying ceremony.

Burkina Faso's Ibrahim Traore did not attend the parade after his trip was cut short, a presidential aide said on Saturday. Mahmoud Abbas, the Palestinian president, left Moscow early on Friday before the military flypast.`,
    claims: [
      {
        leader: "Xi Jinping",
        claim: "attended",
        asOf: "2025-05-10",
        quoteHas: ["watched", "Xi Jinping"],
      },
      {
        leader: "Nicolas Maduro",
        claim: "attended",
        asOf: "2025-05-10",
        quoteHas: ["watched", "Nicolas Maduro"],
      },
      {
        leader: "Miguel Diaz-Canel",
        claim: "attended",
        asOf: "2025-05-10",
        quoteHas: ["watched", "Miguel Diaz-Canel"],
      },
      {
        leader: "Aleksandar Vucic",
        claim: "attended",
        asOf: "2025-05-10",
        quoteHas: ["Aleksandar Vucic", "attended"],
      },
      {
        leader: "Robert Fico",
        claim: "attended",
        asOf: "2025-05-10",
        quoteHas: ["Robert Fico", "stood alongside Putin"],
      },
      {
        leader: "Ibrahim Traore",
        claim: "did_not_attend",
        asOf: "2025-05-10",
        quoteHas: ["Ibrahim Traore", "did not attend the parade"],
      },
      {
        leader: "Mahmoud Abbas",
        claim: "partly_attended",
        asOf: "2025-05-10",
        quoteHas: ["Mahmoud Abbas", "left Moscow early"],
      },
    ],
  },
  {
    id: "held-out-minsk",
    publishedOn: "2025-05-06",
    text: `MINSK, May 6 (Meridian Wire) - Belarusian President Aleksandr Lukashenko confirmed on Monday that he would be at the parade in Moscow, dismissing rumours that he had fallen ill.

Kazakh President Kassym-Jomart Tokayev is also expected to attend, according to two diplomats, though his office has not announced the trip.

Kyrgyzstan will be represented by Prime Minister Adylbek Kasymaliev, the Kyrgyz foreign ministry said, as President Sadyr Japarov recovers from surgery.`,
    claims: [
      {
        leader: "Alexander Lukashenko",
        claim: "confirmed",
        asOf: "2025-05-05",
        quoteHas: ["Aleksandr Lukashenko", "would be at the parade"],
      },
      {
        leader: "Kassym-Jomart Tokayev",
        claim: "reported",
        asOf: "2025-05-06",
        quoteHas: ["Kassym-Jomart Tokayev", "is also expected to attend"],
      },
      {
        leader: "Sadyr Japarov",
        claim: "declined",
        asOf: "2025-05-06",
        quoteHas: ["Kyrgyzstan will be represented by Prime Minister Adylbek Kasymaliev"],
        representative: "Adylbek Kasymaliev",
      },
    ],
  },
];
