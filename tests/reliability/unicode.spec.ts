import { expect, test } from "@playwright/test";
import { SAMPLE_QUOTE, SAMPLE_TEXT, createSample, invariantViolations, openDatabase } from "./db";
import { callAction, signIn } from "./http";
import { editors } from "./paths";
import { SERVER_ACTIONS } from "./registry";
import { AppServer } from "./server";

/**
 * Text that is not well-formed Unicode: a server action's form may come as a Map rather than
 * FormData (React decodes what the request encodes). A Map carries lone surrogates, which the
 * database stores as something longer, so a citation's offsets, counted on the text as validated,
 * selected other words on the source page. Every field, whatever the form's type, must be repaired
 * or refused, and a form that is no form at all must get the form's own answer, not a server error.
 */
let server: AppServer;
let cookie: string;

test.beforeAll(async () => {
  server = await AppServer.start("unicode");
  const { emails, password } = editors();
  cookie = await signIn(server, emails[0]!, password);
});
test.afterAll(async () => {
  await server?.stop();
});

const door = (name: string) => SERVER_ACTIONS.find((a) => a.exportName === name)!;
const LONE = ["\uD83D", "\uDC00", "\uDBFF"];

function storedSource(title: string) {
  const db = openDatabase(server.dbFile, { readonly: true });
  try {
    return db
      .prepare("SELECT id, title, publisher, text FROM Source WHERE title LIKE ?")
      .get(`${title}%`) as
      { id: number; title: string; publisher: string; text: string } | undefined;
  } finally {
    db.close();
  }
}

for (const formType of ["Map", "FormData"] as const) {
  test(`lone surrogates in a ${formType} are repaired in every field, and citations still select their quotes`, async () => {
    const tag = `${formType}-${Date.now()}`;
    const text = `Before ${LONE[0]} the report (${tag}). ${SAMPLE_TEXT} After ${LONE[1]}.`;
    const created = await callAction(server, door("createSourceAction"), {
      page: "/admin/sources/new",
      fields: {
        title: `Lone surrogate ${tag} ${LONE[2]}`,
        publisher: `Wire ${LONE[0]}`,
        url: `https://example.org/lone-surrogate/${tag}`,
        publishedOn: "",
        dateNote: `Note ${LONE[1]}`,
        text,
      },
      cookie,
      origin: server.origin,
      formType,
    });
    expect(created.status).toBeLessThan(500);
    expect(created.redirect, JSON.stringify(created.state)).toBeTruthy();
    const source = storedSource(`Lone surrogate ${tag}`)!;
    // What was stored is what was validated: each lone surrogate became one U+FFFD.
    expect(source.title).toBe(`Lone surrogate ${tag} \uFFFD`);
    expect(source.publisher).toBe("Wire \uFFFD");
    expect(source.text).toBe(text.toWellFormed());

    // An entry citing a passage after the repaired character: its offsets select the quote.
    const s = await createSample(server.dbFile);
    const entry = await callAction(server, door("createAttendanceAction"), {
      page: "/admin/entries/new",
      fields: {
        eventId: String(s.eventId),
        leaderMode: "new",
        "leader.name": `Boris Sample ${LONE[0]}`,
        "leader.office": "Leader",
        "leader.polity": "Borduria",
        status: "reported",
        asOf: "",
        note: `Noted ${LONE[2]}`,
        "citations.0.sourceId": String(source.id),
        "citations.0.quote": SAMPLE_QUOTE,
      },
      cookie,
      origin: server.origin,
      formType,
    });
    expect(entry.redirect, JSON.stringify(entry.state)).toBeTruthy();
    expect(invariantViolations(server.dbFile)).toEqual([]);
    const db = openDatabase(server.dbFile, { readonly: true });
    const name = db.prepare("SELECT name FROM Leader WHERE name LIKE 'Boris Sample %'").pluck();
    expect(name.all()).toContain("Boris Sample \uFFFD");
    db.close();
  });
}

test("a form that is not FormData (a plain object, a string, nothing) gets the form's answer, not a 500", async () => {
  const { emails } = editors();
  for (const formValue of [{ title: "x" }, "title=x", null, [["title", "x"]]]) {
    const source = await callAction(server, door("createSourceAction"), {
      page: "/admin/sources/new",
      fields: {},
      cookie,
      origin: server.origin,
      formValue,
    });
    expect(source.status, JSON.stringify(formValue)).toBeLessThan(500);
    expect(source.state, JSON.stringify(formValue)).toMatchObject({
      message: "Some fields need attention; see below.",
    });
    const signIn = await callAction(server, door("signInAction"), {
      page: "/sign-in",
      fields: {},
      origin: server.origin,
      formValue,
    });
    expect(signIn.status, JSON.stringify(formValue)).toBeLessThan(500);
    expect(signIn.state).toMatchObject({ message: "Enter your email address and password." });
  }
  // A Map of the right fields signs in as FormData would.
  const { password } = editors();
  const viaMap = await callAction(server, door("signInAction"), {
    page: "/sign-in",
    fields: { email: emails[1]!, password, next: "/admin" },
    origin: server.origin,
    formType: "Map",
  });
  expect(viaMap.redirect).toBe("/admin");
});
