/**
 * Wire-style reports about the Victory Day parade in Moscow (9 May 2025), written as a wire
 * journalist would before any rule was written, with the claims an editor would record from
 * each: the leader, the status (before the parade) or outcome (after it), the as-of date, and
 * words the quote must hold. The events are partly invented: this is test data, not a record.
 */

export type ExpectedClaim = {
  /** The leader's name as the database holds it, or the name a new leader would be given. */
  leader: string;
  claim: "confirmed" | "reported" | "declined" | "attended" | "partly_attended" | "did_not_attend";
  asOf: string;
  /** Words that must all lie inside the suggested quote. */
  quoteHas: string[];
  /** Whether the leader is not in the database: the suggestion proposes a new one. */
  isNew?: boolean;
  /** The representative's name, when the report names one. */
  representative?: string;
};

export type CorpusReport = {
  id: string;
  publishedOn: string;
  text: string;
  claims: ExpectedClaim[];
};

export const EVENT = {
  name: "Victory Day Parade",
  place: "Moscow, Russia",
  date: "2025-05-09",
  endDate: "2025-05-09",
};

type KnownLeaderRow = [
  name: string,
  office: string,
  polity: string,
  code: string,
  aliases?: string[],
];

const KNOWN: KnownLeaderRow[] = [
  ["Nicolas Maduro", "President", "Venezuela", "VE", ["Nicolás Maduro"]],
  [
    "Alexander Lukashenko",
    "President",
    "Belarus",
    "BY",
    ["Aliaksandr Lukashenka", "Alyaksandr Lukashenka", "Lukashenka", "Aleksandr Lukashenko"],
  ],
  ["Xi Jinping", "President", "China", "CN", ["习近平"]],
  ["Emomali Rahmon", "President", "Tajikistan", "TJ", ["Emomali Rakhmon"]],
  ["Ilham Aliyev", "President", "Azerbaijan", "AZ"],
  [
    "Milorad Dodik",
    "President of Republika Srpska",
    "Republika Srpska (Bosnia and Herzegovina)",
    "BA",
  ],
  ["Mahmoud Abbas", "President", "Palestine", "PS"],
  ["Luiz Inacio Lula da Silva", "President", "Brazil", "BR", ["Lula", "Luiz Inácio Lula da Silva"]],
  ["Robert Fico", "Prime Minister", "Slovakia", "SK"],
  ["Narendra Modi", "Prime Minister", "India", "IN"],
  ["Aleksandar Vucic", "President", "Serbia", "RS", ["Aleksandar Vučić"]],
  ["Kassym-Jomart Tokayev", "President", "Kazakhstan", "KZ"],
  ["Shavkat Mirziyoyev", "President", "Uzbekistan", "UZ"],
  ["Sadyr Japarov", "President", "Kyrgyzstan", "KG", ["Sadyr Zhaparov"]],
  ["Serdar Berdimuhamedov", "President", "Turkmenistan", "TM"],
  ["Nikol Pashinyan", "Prime Minister", "Armenia", "AM"],
  ["Miguel Diaz-Canel", "President", "Cuba", "CU", ["Miguel Díaz-Canel"]],
  ["Abdel Fattah al-Sisi", "President", "Egypt", "EG", ["el-Sisi"]],
  ["To Lam", "General Secretary", "Vietnam", "VN"],
  ["Ibrahim Traore", "Transitional President", "Burkina Faso", "BF", ["Ibrahim Traoré"]],
];

export const LEADERS = KNOWN.map(([name, office, polity, countryCode, aliases = []], i) => ({
  id: i + 1,
  name,
  office,
  polity,
  countryCode,
  aliases,
}));

export const REPORTS: CorpusReport[] = [
  {
    id: "maduro-invitation",
    publishedOn: "2025-04-12",
    text: `CARACAS, April 12 (Meridian Wire) - Venezuelan President Nicolas Maduro will travel to Moscow for the Victory Day parade on May 9, Russian Foreign Minister Sergei Lavrov said on Saturday.

"We are grateful that President Maduro has accepted our invitation," Lavrov told reporters after talks with his Venezuelan counterpart Yvan Gil.

Maduro last visited Russia in October for a summit of the BRICS group.

Cuban President Miguel Diaz-Canel is also expected in Moscow, a diplomatic source in Havana said, though Cuba's foreign ministry has not commented.`,
    claims: [
      {
        leader: "Nicolas Maduro",
        claim: "confirmed",
        asOf: "2025-04-12",
        quoteHas: ["Nicolas Maduro", "will travel to Moscow"],
      },
      {
        leader: "Miguel Diaz-Canel",
        claim: "reported",
        asOf: "2025-04-12",
        quoteHas: ["Miguel Diaz-Canel", "is also expected"],
      },
    ],
  },
  {
    id: "kremlin-list",
    publishedOn: "2025-04-29",
    text: `MOSCOW, April 29 (Meridian Wire) - Chinese President Xi Jinping, Brazil's Luiz Inacio Lula da Silva and Vietnam's To Lam have confirmed they will attend the Victory Day celebrations, Kremlin aide Yuri Ushakov said on Tuesday.

Ushakov told reporters that 29 foreign leaders had accepted invitations in total. Belarusian President Alexander Lukashenko and Kazakhstan's Kassym-Jomart Tokayev will also be on the reviewing stand, he said.

Xi will pay a state visit to Russia from May 7 to 10, the Chinese foreign ministry said in a statement.

Asked about Indian Prime Minister Narendra Modi, Ushakov said the Indian side had not yet given an answer.`,
    claims: [
      {
        leader: "Xi Jinping",
        claim: "confirmed",
        asOf: "2025-04-29",
        quoteHas: ["Xi Jinping", "have confirmed they will attend"],
      },
      {
        leader: "Luiz Inacio Lula da Silva",
        claim: "confirmed",
        asOf: "2025-04-29",
        quoteHas: ["Lula da Silva", "have confirmed they will attend"],
      },
      {
        leader: "To Lam",
        claim: "confirmed",
        asOf: "2025-04-29",
        quoteHas: ["To Lam", "have confirmed they will attend"],
      },
      {
        leader: "Alexander Lukashenko",
        claim: "confirmed",
        asOf: "2025-04-29",
        quoteHas: ["Alexander Lukashenko", "will also be on the reviewing stand"],
      },
      {
        leader: "Kassym-Jomart Tokayev",
        claim: "confirmed",
        asOf: "2025-04-29",
        quoteHas: ["Tokayev", "will also be on the reviewing stand"],
      },
    ],
  },
  {
    id: "india-delegation",
    publishedOn: "2025-05-02",
    text: `NEW DELHI, May 2 (Meridian Wire) - Prime Minister Narendra Modi will not attend the Victory Day parade in Moscow, and India will be represented by Defence Minister Rajnath Singh, two government officials said on Friday.

Modi had been invited by Russian President Vladimir Putin during a phone call in March. The officials did not give a reason, but the decision comes amid heightened tension with Pakistan.

Singh will hold talks with his Russian counterpart Andrei Belousov on the sidelines of the commemorations.`,
    claims: [
      {
        leader: "Narendra Modi",
        claim: "declined",
        asOf: "2025-05-02",
        quoteHas: ["Narendra Modi", "will not attend", "Rajnath Singh"],
        representative: "Rajnath Singh",
      },
    ],
  },
  {
    id: "fico-defiant",
    publishedOn: "2025-05-03",
    text: `BRATISLAVA, May 3 (Meridian Wire) - Slovak Prime Minister Robert Fico said on Saturday he would travel to Moscow for the May 9 parade despite warnings from European Union officials.

"Nobody can tell me where I may or may not go," Fico said in a video posted on Facebook.

Estonia's foreign minister had said that EU leaders travelling to Moscow should expect consequences. Fico, who survived an assassination attempt last year, has denied reports that he had cancelled the trip on medical advice.`,
    claims: [
      {
        leader: "Robert Fico",
        claim: "confirmed",
        asOf: "2025-05-03",
        quoteHas: ["Robert Fico", "would travel to Moscow"],
      },
    ],
  },
  {
    id: "lukashenka-aliyev",
    publishedOn: "2025-05-05",
    text: `MINSK, May 5 (Meridian Wire) - Belarusian leader Aliaksandr Lukashenka will fly to Moscow on Thursday ahead of the parade, his press service said on Monday.

Azerbaijan's President Ilham Aliyev has cancelled his trip to Moscow, the news agency Turan reported, citing sources in Baku. Aliyev had been expected to attend, but relations between Baku and Moscow have soured since an Azerbaijani airliner was shot down over Russia in December.

The Kremlin said it had not been formally notified of a change in Aliyev's plans.`,
    claims: [
      {
        leader: "Alexander Lukashenko",
        claim: "confirmed",
        asOf: "2025-05-05",
        quoteHas: ["Aliaksandr Lukashenka", "will fly to Moscow"],
      },
      {
        leader: "Ilham Aliyev",
        claim: "declined",
        asOf: "2025-05-05",
        quoteHas: ["Ilham Aliyev", "has cancelled his trip"],
      },
    ],
  },
  {
    id: "central-asia",
    publishedOn: "2025-05-06",
    text: `ASTANA, May 6 (Meridian Wire) - The presidents of Central Asia will all be in Moscow for the anniversary. Uzbek President Shavkat Mirziyoyev, Kyrgyzstan's Sadyr Zhaparov and Tajikistan's Emomali Rahmon have accepted Putin's invitation, their offices said on Tuesday, while Turkmen President Serdar Berdimuhamedov is expected to arrive on the eve of the parade, according to a diplomat in Ashgabat.

Kazakhstan's Tokayev, who confirmed his attendance last month, will also attend a wreath-laying ceremony at the Tomb of the Unknown Soldier.`,
    claims: [
      {
        leader: "Shavkat Mirziyoyev",
        claim: "confirmed",
        asOf: "2025-05-06",
        quoteHas: ["Shavkat Mirziyoyev", "have accepted Putin's invitation"],
      },
      {
        leader: "Sadyr Japarov",
        claim: "confirmed",
        asOf: "2025-05-06",
        quoteHas: ["Sadyr Zhaparov", "have accepted Putin's invitation"],
      },
      {
        leader: "Emomali Rahmon",
        claim: "confirmed",
        asOf: "2025-05-06",
        quoteHas: ["Emomali Rahmon", "have accepted Putin's invitation"],
      },
      {
        leader: "Serdar Berdimuhamedov",
        claim: "reported",
        asOf: "2025-05-06",
        quoteHas: ["Serdar Berdimuhamedov", "is expected to arrive"],
      },
      {
        leader: "Kassym-Jomart Tokayev",
        claim: "confirmed",
        asOf: "2025-05-06",
        quoteHas: ["Tokayev", "confirmed his attendance"],
      },
    ],
  },
  {
    id: "arrivals-wednesday",
    publishedOn: "2025-05-07",
    text: `MOSCOW, May 7 (Meridian Wire) - Palestinian President Mahmoud Abbas arrived in Moscow on Wednesday, two days before the parade, and will hold talks with Putin on Friday, the Kremlin said.

Bosnian Serb leader Milorad Dodik, who faces an arrest warrant in Bosnia, also landed in the Russian capital on Wednesday.

Egypt's President Abdel Fattah al-Sisi is due to arrive on Thursday, an Egyptian presidency spokesman said. Burkina Faso's military leader Ibrahim Traore will attend as well, his office said.

Armenian Prime Minister Nikol Pashinyan has yet to decide whether to travel to Moscow, his spokeswoman said on Tuesday.`,
    claims: [
      {
        leader: "Mahmoud Abbas",
        claim: "confirmed",
        asOf: "2025-05-07",
        quoteHas: ["Mahmoud Abbas", "arrived in Moscow"],
      },
      {
        leader: "Milorad Dodik",
        claim: "confirmed",
        asOf: "2025-05-07",
        quoteHas: ["Milorad Dodik", "landed in the Russian capital"],
      },
      {
        leader: "Abdel Fattah al-Sisi",
        claim: "confirmed",
        asOf: "2025-05-07",
        quoteHas: ["al-Sisi", "is due to arrive"],
      },
      {
        leader: "Ibrahim Traore",
        claim: "confirmed",
        asOf: "2025-05-07",
        quoteHas: ["Ibrahim Traore", "will attend"],
      },
    ],
  },
  {
    id: "new-faces",
    publishedOn: "2025-05-08",
    text: `MOSCOW, May 8 (Meridian Wire) - Mongolian President Ukhnaagiin Khurelsukh and Laos's President Thongloun Sisoulith arrived in Moscow on Thursday for the Victory Day commemorations, the Russian foreign ministry said.

Zimbabwean President Emmerson Mnangagwa is also in the Russian capital, his spokesman George Charamba told state media. Congo's President Denis Sassou Nguesso cancelled his trip at the last minute, citing a domestic matter, a presidency official in Brazzaville said.

Putin held back-to-back meetings with arriving guests at the Kremlin throughout the day.`,
    claims: [
      {
        leader: "Ukhnaagiin Khurelsukh",
        claim: "confirmed",
        asOf: "2025-05-08",
        quoteHas: ["Ukhnaagiin Khurelsukh", "arrived in Moscow"],
        isNew: true,
      },
      {
        leader: "Thongloun Sisoulith",
        claim: "confirmed",
        asOf: "2025-05-08",
        quoteHas: ["Thongloun Sisoulith", "arrived in Moscow"],
        isNew: true,
      },
      {
        leader: "Emmerson Mnangagwa",
        claim: "confirmed",
        asOf: "2025-05-08",
        quoteHas: ["Emmerson Mnangagwa", "is also in the Russian capital"],
        isNew: true,
      },
      {
        leader: "Denis Sassou Nguesso",
        claim: "declined",
        asOf: "2025-05-08",
        quoteHas: ["Denis Sassou Nguesso", "cancelled his trip"],
        isNew: true,
      },
    ],
  },
  {
    id: "parade-day",
    publishedOn: "2025-05-09",
    text: `MOSCOW, May 9 (Meridian Wire) - Chinese President Xi Jinping watched the parade from the reviewing stand on Red Square beside Putin on Friday, as columns of troops marched past to mark 80 years since the defeat of Nazi Germany.

Brazil's President Lula, Venezuela's Nicolas Maduro and Serbia's Aleksandar Vucic were also among the guests. Vucic, the only leader from a country seeking European Union membership to attend, flew in on Thursday despite warnings from Brussels.

Slovakia's Robert Fico did not attend the parade itself but laid a wreath at the Tomb of the Unknown Soldier later in the day, his office said.

Kazakh President Kassym-Jomart Tokayev left Moscow before the parade began after learning of a family bereavement, the Kazakh presidency said.`,
    claims: [
      {
        leader: "Xi Jinping",
        claim: "attended",
        asOf: "2025-05-09",
        quoteHas: ["Xi Jinping", "watched the parade"],
      },
      {
        leader: "Luiz Inacio Lula da Silva",
        claim: "attended",
        asOf: "2025-05-09",
        quoteHas: ["Lula", "among the guests"],
      },
      {
        leader: "Nicolas Maduro",
        claim: "attended",
        asOf: "2025-05-09",
        quoteHas: ["Nicolas Maduro", "among the guests"],
      },
      {
        leader: "Aleksandar Vucic",
        claim: "attended",
        asOf: "2025-05-09",
        quoteHas: ["Aleksandar Vucic", "among the guests"],
      },
      {
        leader: "Robert Fico",
        claim: "partly_attended",
        asOf: "2025-05-09",
        quoteHas: ["Robert Fico", "did not attend the parade itself but laid a wreath"],
      },
      {
        leader: "Kassym-Jomart Tokayev",
        claim: "did_not_attend",
        asOf: "2025-05-09",
        quoteHas: ["Kassym-Jomart Tokayev", "left Moscow before the parade"],
      },
    ],
  },
  {
    id: "minsk-recap",
    publishedOn: "2025-05-10",
    text: `MINSK, May 10 (Meridian Wire) - Belarusian President Alyaksandr Lukashenka returned to Minsk on Saturday after attending Friday's parade in Moscow, his press service said.

Lukashenka's office denied reports on Russian social media that he had left the ceremony early because of ill health. "The president was on Red Square from start to finish," spokeswoman Natalya Eismont said.

Tajikistan's Emomali Rahmon and Kyrgyz President Sadyr Japarov also attended the parade, as did Turkmen leader Serdar Berdimuhamedov.`,
    claims: [
      {
        leader: "Alexander Lukashenko",
        claim: "attended",
        asOf: "2025-05-10",
        quoteHas: ["Alyaksandr Lukashenka", "after attending"],
      },
      {
        leader: "Emomali Rahmon",
        claim: "attended",
        asOf: "2025-05-10",
        quoteHas: ["Emomali Rahmon", "also attended the parade"],
      },
      {
        leader: "Sadyr Japarov",
        claim: "attended",
        asOf: "2025-05-10",
        quoteHas: ["Sadyr Japarov", "also attended the parade"],
      },
      {
        leader: "Serdar Berdimuhamedov",
        claim: "attended",
        asOf: "2025-05-10",
        quoteHas: ["attended the parade", "Serdar Berdimuhamedov"],
      },
    ],
  },
  {
    id: "lula-plans",
    publishedOn: "2025-04-20",
    text: `BRASILIA, April 20 (Meridian Wire) - Brazilian President Luiz Inacio Lula da Silva plans to attend the May 9 celebrations in Moscow, two people familiar with his schedule said on Friday.

Lula's office declined to comment. The trip would follow a visit to China, where Lula is due to attend a summit of Latin American leaders with Xi Jinping.

Russia has invited the leaders of all BRICS countries. South African President Cyril Ramaphosa, who was also invited, is not expected to travel, a South African official said.`,
    claims: [
      {
        leader: "Luiz Inacio Lula da Silva",
        claim: "reported",
        asOf: "2025-04-18",
        quoteHas: ["Luiz Inacio Lula da Silva", "plans to attend"],
      },
      {
        leader: "Cyril Ramaphosa",
        claim: "declined",
        asOf: "2025-04-20",
        quoteHas: ["Cyril Ramaphosa", "is not expected to travel"],
        isNew: true,
      },
    ],
  },
  {
    id: "reported-speech",
    publishedOn: "2025-05-06",
    text: `MOSCOW, May 6 (Meridian Wire) - Russian President Vladimir Putin said on Tuesday that he looked forward to welcoming Xi Jinping, whom he called "my dear friend", and that Lula would arrive on Thursday evening.

Serbian President Aleksandar Vucic told reporters in Belgrade that he would go to Moscow "whatever the cost", although he added that a bout of illness could still force him to change his plans.

Vucic said Slovak Prime Minister Robert Fico had told him he would also make the trip.`,
    claims: [
      {
        leader: "Xi Jinping",
        claim: "confirmed",
        asOf: "2025-05-06",
        quoteHas: ["welcoming Xi Jinping"],
      },
      {
        leader: "Luiz Inacio Lula da Silva",
        claim: "confirmed",
        asOf: "2025-05-06",
        quoteHas: ["Lula would arrive"],
      },
      {
        leader: "Aleksandar Vucic",
        claim: "confirmed",
        asOf: "2025-05-06",
        quoteHas: ["Aleksandar Vucic", "he would go to Moscow"],
      },
      {
        leader: "Robert Fico",
        claim: "reported",
        asOf: "2025-05-06",
        quoteHas: ["Robert Fico", "would also make the trip"],
      },
    ],
  },
  {
    id: "parade-absences",
    publishedOn: "2025-05-09",
    text: `MOSCOW, May 9 (Meridian Wire) - Defence Minister Rajnath Singh represented India at the parade, standing in for Prime Minister Narendra Modi, who stayed in New Delhi to chair a meeting of the cabinet committee on security.

Egyptian President Abdel Fattah al-Sisi watched Egyptian troops march across Red Square. Azerbaijan's Ilham Aliyev stayed away, as did Armenia's Nikol Pashinyan.

Indonesia's President Prabowo Subianto, who had been expected to attend, sent Foreign Minister Sugiono instead.`,
    claims: [
      {
        leader: "Narendra Modi",
        claim: "did_not_attend",
        asOf: "2025-05-09",
        quoteHas: ["Rajnath Singh represented India", "Narendra Modi"],
        representative: "Rajnath Singh",
      },
      {
        leader: "Abdel Fattah al-Sisi",
        claim: "attended",
        asOf: "2025-05-09",
        quoteHas: ["Abdel Fattah al-Sisi", "watched Egyptian troops march"],
      },
      {
        leader: "Ilham Aliyev",
        claim: "did_not_attend",
        asOf: "2025-05-09",
        quoteHas: ["Ilham Aliyev", "stayed away"],
      },
      {
        leader: "Nikol Pashinyan",
        claim: "did_not_attend",
        asOf: "2025-05-09",
        quoteHas: ["stayed away", "Nikol Pashinyan"],
      },
      {
        leader: "Prabowo Subianto",
        claim: "did_not_attend",
        asOf: "2025-05-09",
        quoteHas: ["Prabowo Subianto", "sent Foreign Minister Sugiono instead"],
        isNew: true,
        representative: "Sugiono",
      },
    ],
  },
  {
    id: "peskov-early",
    publishedOn: "2025-03-30",
    text: `MOSCOW, March 30 (Meridian Wire) - The Kremlin has sent invitations to the Victory Day parade to dozens of foreign leaders, spokesman Dmitry Peskov said on Friday, adding that it was too early to say who would come.

Peskov said Chinese leader Xi Jinping had been invited and that Moscow expected him to attend. Belarus's Alexander Lukashenko, a close ally, will attend, Peskov said.

Asked whether Slovakia's Robert Fico would make the trip, Peskov said: "We will see."`,
    claims: [
      {
        leader: "Xi Jinping",
        claim: "reported",
        asOf: "2025-03-30",
        quoteHas: ["Xi Jinping", "expected him to attend"],
      },
      {
        leader: "Alexander Lukashenko",
        claim: "confirmed",
        asOf: "2025-03-30",
        quoteHas: ["Alexander Lukashenko", "will attend"],
      },
    ],
  },
  {
    id: "latin-america",
    publishedOn: "2025-05-08",
    text: `HAVANA, May 8 (Meridian Wire) - Cuban President Miguel Díaz-Canel landed in Moscow on Thursday, Cuban state media reported, becoming the latest Latin American leader to join the commemorations after Venezuela's Maduro.

Bolivian President Luis Arce will not make the trip because of a fuel crisis at home, his government said on Wednesday, and will be represented by Foreign Minister Celinda Sosa.

Nicaragua's Daniel Ortega, 79, who rarely travels abroad, will also stay at home, a Nicaraguan government source said.`,
    claims: [
      {
        leader: "Miguel Diaz-Canel",
        claim: "confirmed",
        asOf: "2025-05-08",
        quoteHas: ["Miguel Díaz-Canel", "landed in Moscow"],
      },
      {
        leader: "Luis Arce",
        claim: "declined",
        asOf: "2025-05-07",
        quoteHas: ["Luis Arce", "will not make the trip"],
        isNew: true,
        representative: "Celinda Sosa",
      },
      {
        leader: "Daniel Ortega",
        claim: "declined",
        asOf: "2025-05-08",
        quoteHas: ["Daniel Ortega", "will also stay at home"],
        isNew: true,
      },
    ],
  },
  {
    id: "dodik-warrant",
    publishedOn: "2025-05-04",
    text: `BELGRADE, May 4 (Meridian Wire) - Republika Srpska President Milorad Dodik said on Sunday he would attend the parade in Moscow "as a free man", days after a Bosnian court issued a warrant for his arrest.

Serbia's Vucic, who has confirmed his own trip, said he had not discussed the matter with Dodik.`,
    claims: [
      {
        leader: "Milorad Dodik",
        claim: "confirmed",
        asOf: "2025-05-04",
        quoteHas: ["Milorad Dodik", "would attend"],
      },
      {
        leader: "Aleksandar Vucic",
        claim: "confirmed",
        asOf: "2025-05-04",
        quoteHas: ["Vucic", "has confirmed his own trip"],
      },
    ],
  },
];
