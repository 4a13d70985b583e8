import { describe, expect, it } from "vitest";
import { segmentText } from "@/lib/quotes/segments";
import { textFragment, urlWithTextFragment } from "@/lib/quotes/text-fragment";
import { leaderSearchKey, searchKey } from "@/lib/text/search-key";
import { parseAttendanceQuery } from "@/lib/validation/attendance-query";
import { parseId } from "@/lib/validation/id";

describe("searchKey", () => {
  it("ignores case, accents and curly apostrophes", () => {
    expect(searchKey("Inácio")).toBe("inacio");
    expect(searchKey("  LULA  da\tSilva ")).toBe("lula da silva");
    expect(searchKey("China’s")).toBe("china's");
    expect(searchKey("Chávez")).toBe(searchKey("Chavez"));
  });
  it("writes LIKE's wildcards and escape as characters no search can use as wildcards", () => {
    for (const c of ["%", "_", "\\"]) {
      expect(searchKey(`a${c}b`)).toHaveLength(3);
      expect(searchKey(`a${c}b`)).not.toContain(c);
    }
    expect(searchKey("A_b")).toBe(searchKey("a_B"));
    expect(searchKey("a%b")).not.toBe(searchKey("a_b"));
  });
  it("covers name, office and country or entity", () => {
    const key = leaderSearchKey({
      name: "Milorad Dodik",
      office: "President of Republika Srpska",
      polity: "Republika Srpska",
    });
    expect(key).toContain("dodik");
    expect(key).toContain("president of republika srpska");
  });
});

describe("segmentText", () => {
  it("cuts the text at every span boundary and joins back to the original", () => {
    const text = "abcdefghij";
    const segments = segmentText(text, [
      { start: 2, end: 6 },
      { start: 4, end: 8 },
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.map((s) => [s.text, s.spans])).toEqual([
      ["ab", []],
      ["cd", [0]],
      ["ef", [0, 1]],
      ["gh", [1]],
      ["ij", []],
    ]);
  });
  it("clamps spans to the text and ignores empty ones", () => {
    expect(
      segmentText("abc", [
        { start: -5, end: 99 },
        { start: 1, end: 1 },
      ]),
    ).toEqual([{ start: 0, end: 3, text: "abc", spans: [0] }]);
  });
});

describe("text fragments", () => {
  it("encodes short quotes whole, with reserved characters escaped", () => {
    expect(textFragment("Xi Jinping, China’s leader - yes & no")).toBe(
      ":~:text=Xi%20Jinping%2C%20China%E2%80%99s%20leader%20%2D%20yes%20%26%20no",
    );
  });
  it("uses start,end words for long quotes and replaces an existing fragment", () => {
    const url = urlWithTextFragment(
      "https://example.org/a#top",
      "Several other foreign leaders have confirmed their attendance at the Victory Day parade",
    );
    expect(url).toBe(
      "https://example.org/a#:~:text=Several%20other%20foreign%20leaders,the%20Victory%20Day%20parade",
    );
  });
});

describe("parseAttendanceQuery", () => {
  it("keeps valid filters and drops unknown values instead of failing", () => {
    expect(parseAttendanceQuery({ status: "reported", q: " Inácio ", sort: "country" })).toEqual({
      status: "reported",
      q: "Inácio",
      sort: "country",
    });
    expect(parseAttendanceQuery({ status: "maybe", q: "", sort: "DROP TABLE" })).toEqual({
      status: undefined,
      q: undefined,
      sort: "name",
    });
    expect(
      parseAttendanceQuery(new URLSearchParams("status=declined&status=confirmed")),
    ).toMatchObject({
      status: "confirmed",
    });
  });
});

describe("parseId", () => {
  it("accepts plain positive integers only", () => {
    expect(parseId("42")).toBe(42);
    for (const bad of [
      "0",
      "-1",
      "1e3",
      "abc",
      "042",
      " 4",
      "99999999999999999999",
      "",
      null,
      undefined,
    ]) {
      expect(parseId(bad), String(bad)).toBeNull();
    }
  });
});
