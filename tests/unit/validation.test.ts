import { describe, expect, it } from "vitest";
import { attendanceFormSchema, stepFormSchema } from "@/lib/validation/attendance";
import { fieldErrors } from "@/lib/validation/errors";
import { formDataToObject } from "@/lib/validation/form-data";
import { sourceFetchSchema, sourceFormSchema } from "@/lib/validation/source";
import { editorSchema } from "@/lib/validation/editor";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return formDataToObject(data);
}

const valid = {
  eventId: "1",
  leaderMode: "existing",
  leaderId: "3",
  status: "confirmed",
  asOf: "2025-04-12",
  note: "",
  "citations.0.sourceId": "1",
  "citations.0.quote": "  Robert Fico is the only EU leader  ",
};

describe("attendanceFormSchema", () => {
  it("accepts a complete entry and trims the quote", () => {
    const parsed = attendanceFormSchema.parse(form(valid));
    expect(parsed).toEqual({
      eventId: 1,
      leader: { id: 3 },
      status: "confirmed",
      outcome: null,
      representativeId: null,
      asOf: "2025-04-12",
      note: "",
      stepNote: "",
      citations: [{ sourceId: 1, quote: "Robert Fico is the only EU leader" }],
      confirmDates: false,
    });
  });

  it("reports a forged leader choice on the fields the form shows", () => {
    // Found by the reliability suite's generated inputs (tests/reliability/inputs.spec.ts).
    expect(attendanceFormSchema.parse(form({ ...valid, leaderMode: "" })).leader).toEqual({
      id: 3,
    });
    const data = new FormData();
    for (const [k, v] of Object.entries({ ...valid, leaderMode: "new", leader: "" }))
      data.append(k, v);
    const errors = fieldErrors(attendanceFormSchema.safeParse(formDataToObject(data)).error!);
    expect(Object.keys(errors).sort()).toEqual(["leader.name", "leader.office", "leader.polity"]);
  });

  it("refuses a status without a citation, with a message that says what to do", () => {
    const result = attendanceFormSchema.safeParse(
      form({ ...valid, "citations.0.sourceId": "", "citations.0.quote": "" }),
    );
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!).citations).toEqual([
      "Add at least one citation: a source and the exact words that support the status.",
    ]);
  });

  it("names the field of each problem", () => {
    const result = attendanceFormSchema.safeParse(
      form({
        ...valid,
        status: "maybe",
        asOf: "12/04/2025",
        "citations.1.quote": "words without a source",
        "citations.1.sourceId": "",
      }),
    );
    const errors = fieldErrors(result.error!);
    expect(errors.status).toEqual([
      "Choose confirmed, reported or declined; or, after the event, attended, partly attended or did not attend.",
    ]);
    expect(errors.asOf).toEqual(["The as-of date must be a date like 2025-04-12."]);
  });

  it("validates a new leader, including the ISO country code against the real list", () => {
    const base = {
      ...valid,
      leaderMode: "new",
      "leader.name": "Kinbote",
      "leader.office": "Prime Minister",
      "leader.polity": "Zembla",
    };
    expect(
      attendanceFormSchema.parse(form({ ...base, "leader.countryCode": "ve" })).leader,
    ).toEqual({
      create: { name: "Kinbote", office: "Prime Minister", polity: "Zembla", countryCode: "VE" },
    });
    expect(
      attendanceFormSchema.parse(form({ ...base, "leader.countryCode": "" })).leader,
    ).toMatchObject({
      create: { countryCode: null },
    });
    for (const code of ["XX", "XK", "EU", "V"]) {
      const errors = fieldErrors(
        attendanceFormSchema.safeParse(form({ ...base, "leader.countryCode": code })).error!,
      );
      expect(errors["leader.countryCode"]?.[0], code).toMatch(/ISO 3166-1/);
    }
    const missing = fieldErrors(
      attendanceFormSchema.safeParse(form({ ...base, "leader.name": "  " })).error!,
    );
    expect(missing["leader.name"]).toEqual(["Enter name."]);
  });

  it("asks for a leader when none is chosen, and refuses control characters", () => {
    expect(
      fieldErrors(attendanceFormSchema.safeParse(form({ ...valid, leaderId: "" })).error!).leaderId,
    ).toEqual(["Choose a leader, or create a new one."]);
    expect(
      fieldErrors(attendanceFormSchema.safeParse(form({ ...valid, note: "a\u0000b" })).error!)
        .note?.[0],
    ).toMatch(/control characters/);
  });
});

describe("stepFormSchema", () => {
  it("says in words when the representative is not one from the list", () => {
    const result = stepFormSchema.safeParse({ status: "confirmed", representativeId: "abc" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!).representativeId).toEqual([
      "Choose who represented them from the list, or leave it empty.",
    ]);
  });
});

describe("formDataToObject", () => {
  it("keeps the first of repeated fields and ignores prototype keys", () => {
    const data = new FormData();
    data.append("status", "confirmed");
    data.append("status", "declined");
    data.append("__proto__.polluted", "yes");
    data.append("citations.0.quote", "a");
    const object = formDataToObject(data);
    expect(object.status).toBe("confirmed");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(object.citations).toEqual({ "0": { quote: "a" } });
  });

  it("reads a Map as it reads FormData, repairing lone surrogates, and anything else as empty", () => {
    const map = new Map<unknown, unknown>([
      ["title", "A \uD800 B"],
      ["citations.0.quote", "\uDFFFx"],
      [7, "a number key"],
      ["note", { not: "text" }],
    ]);
    expect(formDataToObject(map)).toEqual({
      title: "A \uFFFD B",
      citations: { "0": { quote: "\uFFFDx" } },
    });
    for (const other of [null, undefined, "title=x", 42, { title: "x" }, [["title", "x"]]]) {
      expect(formDataToObject(other), JSON.stringify(other)).toEqual({});
    }
  });

  it("has every text field refuse a lone surrogate that did not come through a form", () => {
    const result = sourceFormSchema.safeParse({
      title: "T \uD800",
      publisher: "P",
      url: "https://example.org",
      text: "text \uDC00",
    });
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrors(result.error!)).sort()).toEqual(["text", "title"]);
  });
});

describe("sourceFormSchema", () => {
  const source = {
    title: "T",
    publisher: "P",
    url: "https://example.org/a",
    publishedOn: "",
    dateNote: "",
    text: "Body\r\ntext",
  };
  it("accepts http(s) addresses and keeps the text verbatim but for line ends", () => {
    const parsed = sourceFormSchema.parse(source);
    expect(parsed.text).toBe("Body\ntext");
    expect(parsed.publishedOn).toBeNull();
  });
  it("refuses javascript:, data: and other schemes", () => {
    for (const url of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "ftp://example.org/x",
      "file:///etc/passwd",
      "example.org",
    ]) {
      const result = sourceFormSchema.safeParse({ ...source, url });
      expect(result.success, url).toBe(false);
      expect(fieldErrors(result.error!).url).toEqual([
        "Enter a web address that starts with http:// or https://.",
      ]);
    }
  });
  it("refuses an address with control characters, which the URL parser would let through", () => {
    for (const url of ["https://example.org/\u0000", "https://example.org/a\nb"]) {
      const result = sourceFormSchema.safeParse({ ...source, url });
      expect(fieldErrors(result.error!).url, JSON.stringify(url)).toEqual([
        "The address contains invisible control characters; remove them.",
      ]);
    }
  });
  it("asks for an address a forged form leaves out in the editor's words, not zod's", () => {
    const saved = sourceFormSchema.safeParse({ ...source, url: undefined });
    const fetched = sourceFetchSchema.safeParse({ intent: "fetch" });
    for (const errors of [fieldErrors(saved.error!).url, fieldErrors(fetched.error!).fetchUrl]) {
      expect(errors).toEqual(["Enter a web address that starts with http:// or https://."]);
    }
  });
});

describe("editorSchema", () => {
  it("needs a password of at least 12 characters", () => {
    const result = editorSchema.safeParse({ email: "A@B.org", name: "A", password: "short-pass" });
    expect(fieldErrors(result.error!).password).toEqual([
      "The password needs at least 12 characters.",
    ]);
    expect(
      editorSchema.parse({ email: " A@B.org ", name: "A", password: "long-enough-pass" }).email,
    ).toBe("a@b.org");
  });
});
