import { expect, test, type APIResponse } from "@playwright/test";

test("the attendance API returns the event and its nine entries in the documented shape", async ({
  request,
}) => {
  const response = await request.get("/api/events/victory-day-parade-2025/attendance");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = await response.json();
  expect(body.event).toMatchObject({
    slug: "victory-day-parade-2025",
    name: "Victory Day Parade",
    place: "Moscow, Russia",
    date: "2025-05-09",
    endDate: "2025-05-09",
  });
  expect(body.entries).toHaveLength(9);
  expect(body.nextCursor).toBeNull();
  for (const entry of body.entries) {
    expect(entry).toEqual({
      id: expect.any(Number),
      leader: {
        name: expect.any(String),
        office: expect.any(String),
        polity: expect.any(String),
        countryCode: expect.stringMatching(/^[A-Z]{2}$/),
      },
      status: expect.stringMatching(/^(confirmed|reported|declined)$/),
      // No source has reported who came to the seeded parade, nor anyone sent instead.
      outcome: null,
      representedBy: null,
      asOf: "2025-04-12",
      sourcesDisagree: false,
      stepNote: "",
      note: expect.any(String),
      updatedAt: expect.any(String),
      citations: expect.any(Array),
      story: [
        {
          status: entry.status,
          outcome: null,
          representedBy: null,
          asOf: "2025-04-12",
          note: "",
          recordedAt: expect.any(String),
          current: true,
          citations: entry.citations.map((c: object) => ({ ...c, lost: false })),
        },
      ],
    });
    expect(entry.citations.length).toBeGreaterThan(0);
  }
  const xi = body.entries.find((e: { leader: { name: string } }) => e.leader.name === "Xi Jinping");
  expect(xi.leader).toEqual({
    name: "Xi Jinping",
    office: "President",
    polity: "China",
    countryCode: "CN",
  });
  expect(xi.citations[0]).toEqual({
    quote: expect.stringContaining("China’s leader Xi Jinping"),
    start: expect.any(Number),
    end: expect.any(Number),
    source: {
      id: expect.any(Number),
      title: expect.any(String),
      url: expect.stringMatching(/^https:\/\//),
    },
    review: null,
  });

  // Every citation's offsets point at its quote in the stored source text.
  const source = await (await request.get(`/api/sources/${xi.citations[0].source.id}`)).json();
  for (const entry of body.entries) {
    for (const citation of entry.citations) {
      expect(source.text.slice(citation.start, citation.end)).toBe(citation.quote);
    }
  }
});

test("the API honours the list's filters", async ({ request }) => {
  const reported = await (
    await request.get("/api/events/victory-day-parade-2025/attendance?status=reported")
  ).json();
  expect(reported.entries.map((e: { leader: { name: string } }) => e.leader.name)).toEqual([
    "Luiz Inacio Lula da Silva",
  ]);
  const search = await (
    await request.get("/api/events/victory-day-parade-2025/attendance?q=In%C3%A1cio")
  ).json();
  expect(search.entries).toHaveLength(1);
});

test("large results page with a cursor, in the list's order, until nextCursor is null", async ({
  request,
}) => {
  const url = "/api/events/victory-day-parade-2025/attendance?sort=country";
  const all = await (await request.get(url)).json();
  type AttendancePage = {
    counts: { total: number };
    entries: { leader: { name: string } }[];
    nextCursor: string | null;
  };
  const names = (body: AttendancePage) => body.entries.map((e) => e.leader.name);

  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const response: APIResponse = await request.get(
      `${url}&limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(response.status()).toBe(200);
    const body: AttendancePage = await response.json();
    expect(body.counts.total).toBe(9);
    pages.push(names(body));
    cursor = body.nextCursor;
  } while (cursor !== null && pages.length < 10);

  expect(pages.map((page) => page.length)).toEqual([4, 4, 1]);
  expect(pages.flat()).toEqual(names(all));
});

test("a bad limit or cursor answers 400 with a JSON error", async ({ request }) => {
  const url = "/api/events/victory-day-parade-2025/attendance";
  for (const query of ["limit=0", "limit=1001", "limit=abc", "limit=2.5", "cursor=not-ours"]) {
    const response: APIResponse = await request.get(`${url}?${query}`);
    expect(response.status(), query).toBe(400);
    expect((await response.json()).error, query).toEqual(expect.any(String));
  }
});

test("the source API returns the stored article", async ({ request }) => {
  const list = await (await request.get("/api/events/victory-day-parade-2025/attendance")).json();
  const id = list.entries[0].citations[0].source.id;
  const response = await request.get(`/api/sources/${id}`);
  expect(response.status()).toBe(200);
  const source = await response.json();
  expect(source).toMatchObject({
    id,
    title: "Venezuela's Maduro to attend Moscow's Victory Day parade",
    publisher: "bne IntelliNews",
    url: "https://intellinews.com/venezuela-s-maduro-to-attend-moscow-s-victory-day-parade-376595/",
    publishedOn: null,
  });
  expect(source.text).toMatch(/^Venezuelan President Nicolas Maduro will travel to Moscow/);
});

test("unknown events and sources answer 404 with a JSON error", async ({ request }) => {
  for (const url of [
    "/api/events/no-such-event/attendance",
    "/api/sources/999999",
    "/api/sources/not-a-number",
  ]) {
    const response: APIResponse = await request.get(url);
    expect(response.status(), url).toBe(404);
    expect((await response.json()).error, url).toEqual(expect.any(String));
  }
});
