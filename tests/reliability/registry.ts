/**
 * Every way to change data over HTTP: each server action and each mutating route, with the
 * fields of a valid submission. The reliability suite tries every entry without a session,
 * with a forged `Origin` and with `Origin: null` (tests/reliability/doors.spec.ts), and fails
 * when the code has an action or a mutating route that is not listed here
 * (tests/unit/registry.test.ts compares this list with lib/actions and app/**\/route.ts, and
 * the auth routes with lib/auth/routes.ts; the build's manifest is compared too).
 *
 * `access` says who may use it: "editor" needs a session; "public" is sign-in, which anyone may
 * try (from this site's own pages only); "closed" must refuse everyone.
 */

/** What a test made, for building a valid submission of each form. */
export type DoorSample = {
  eventId: number;
  sourceId: number;
  /** The sample source's text, which the sample entry cites. */
  sourceText: string;
  /** Words that occur exactly once in the sample source's text. */
  quote: string;
  attendanceId: number;
  attendanceVersion: number;
  /** A revision of the sample entry that a revert can restore. */
  revisionId: number;
  /** The sample entry's step, and the version it is at. */
  stepId: number;
  stepVersion: number;
  leaderId: number;
  leaderVersion: number;
  sourceVersion: number;
  eventVersion: number;
  /** An event without entries (deletable) and its version. */
  emptyEventId: number;
  emptyEventVersion: number;
  /** A second leader without entries, to merge into `leaderId`. */
  twinLeaderId: number;
  /** A source no citation uses (deletable) and its version. */
  uncitedSourceId: number;
  uncitedSourceVersion: number;
  /** A citation of the sample entry waiting for a check (re-found with changed wording). */
  citationId: number;
  /** The version of the source's text it was checked against. */
  citationVersion: number;
  email: string;
  password: string;
};

export type ServerActionDoor = {
  kind: "action";
  /** lib/actions/<module>.ts */
  module: "attendance" | "auth" | "citations" | "events" | "leaders" | "sources" | "steps";
  exportName: string;
  access: "editor" | "public";
  /** A page whose form posts the action. */
  page: (s: DoorSample) => string;
  /** The arguments `.bind(null, …)` puts before the form's state, as the page binds them. */
  bound: (s: DoorSample) => unknown[];
  /** Whether the action is called as `(state, formData)` by useActionState, or as `(formData)`. */
  withState: boolean;
  /** The fields of a valid submission. */
  fields: (s: DoorSample) => Record<string, string>;
};

export type RouteDoor = {
  kind: "route";
  method: "POST" | "PUT" | "PATCH" | "DELETE";
  /** The URL path; `file` is the route handler that serves it. */
  path: string;
  file: string;
  access: "editor" | "public" | "closed";
  /** A valid JSON body. */
  body: (s: DoorSample) => Record<string, unknown>;
};

const entryFields = (s: DoorSample) => ({
  eventId: String(s.eventId),
  leaderMode: "existing",
  leaderId: String(s.leaderId),
  status: "confirmed",
  asOf: "2025-04-12",
  note: "Saved by the registry's sample.",
  "citations.0.sourceId": String(s.sourceId),
  "citations.0.quote": s.quote,
});

const stepFields = (s: DoorSample) => ({
  status: "reported",
  asOf: "2025-03-14",
  note: "Step saved by the registry's sample.",
  "citations.0.sourceId": String(s.sourceId),
  "citations.0.quote": s.quote,
});

const leaderFields = () => ({
  name: "Registry Sample",
  office: "President",
  polity: "Ruritania",
  countryCode: "",
  aliases: "Registry Sampel\nRegistrý Sample",
  wikidataId: "Q42",
});

const eventFields = () => ({
  name: "Registry Sample Summit",
  date: "2002-03-04",
  place: "Port Example",
  occasion: "Saved by the registry's sample.",
  slug: "",
});

const sourceFields = () => ({
  title: "Registry sample report",
  publisher: "Example Wire",
  url: "https://example.org/registry-sample",
  publishedOn: "2025-04-12",
  dateNote: "",
  text: "A sample text long enough to cite: the registry saves it.",
});

export const SERVER_ACTIONS: ServerActionDoor[] = [
  {
    kind: "action",
    module: "attendance",
    exportName: "createAttendanceAction",
    access: "editor",
    page: () => "/admin/entries/new",
    bound: () => [],
    withState: true,
    fields: entryFields,
  },
  {
    kind: "action",
    module: "attendance",
    exportName: "updateAttendanceAction",
    access: "editor",
    page: (s) => `/admin/entries/${s.attendanceId}`,
    bound: (s) => [s.attendanceId],
    withState: true,
    fields: (s) => ({ ...entryFields(s), version: String(s.attendanceVersion) }),
  },
  {
    kind: "action",
    module: "attendance",
    exportName: "deleteAttendanceAction",
    access: "editor",
    page: (s) => `/admin/entries/${s.attendanceId}/delete`,
    bound: (s) => [s.attendanceId],
    withState: true,
    fields: (s) => ({ version: String(s.attendanceVersion), confirm: "yes" }),
  },
  {
    kind: "action",
    module: "attendance",
    exportName: "revertAttendanceAction",
    access: "editor",
    page: (s) => `/admin/entries/${s.attendanceId}/revert/${s.revisionId}`,
    bound: (s) => [s.attendanceId],
    withState: true,
    fields: (s) => ({ version: String(s.attendanceVersion), revisionId: String(s.revisionId) }),
  },
  {
    kind: "action",
    module: "steps",
    exportName: "addStepAction",
    access: "editor",
    page: (s) => `/admin/entries/${s.attendanceId}`,
    bound: (s) => [s.attendanceId],
    withState: true,
    fields: stepFields,
  },
  {
    kind: "action",
    module: "steps",
    exportName: "updateStepAction",
    access: "editor",
    page: (s) => `/admin/entries/${s.attendanceId}`,
    bound: (s) => [s.attendanceId, s.stepId],
    withState: true,
    fields: (s) => ({ ...stepFields(s), version: String(s.stepVersion) }),
  },
  {
    kind: "action",
    module: "steps",
    exportName: "removeStepAction",
    access: "editor",
    page: (s) => `/admin/entries/${s.attendanceId}/steps/${s.stepId}/remove`,
    bound: (s) => [s.attendanceId, s.stepId],
    withState: true,
    fields: (s) => ({ version: String(s.stepVersion) }),
  },
  {
    kind: "action",
    module: "events",
    exportName: "createEventAction",
    access: "editor",
    page: () => "/admin/events/new",
    bound: () => [],
    withState: true,
    fields: eventFields,
  },
  {
    kind: "action",
    module: "events",
    exportName: "updateEventAction",
    access: "editor",
    page: (s) => `/admin/events/${s.eventId}`,
    bound: (s) => [s.eventId],
    withState: true,
    fields: (s) => ({ ...eventFields(), version: String(s.eventVersion) }),
  },
  {
    kind: "action",
    module: "events",
    exportName: "deleteEventAction",
    access: "editor",
    page: (s) => `/admin/events/${s.emptyEventId}/delete`,
    bound: (s) => [s.emptyEventId],
    withState: true,
    fields: (s) => ({ version: String(s.emptyEventVersion) }),
  },
  {
    kind: "action",
    module: "events",
    exportName: "pinEventAction",
    access: "editor",
    page: (s) => `/admin/events/${s.emptyEventId}`,
    bound: (s) => [s.emptyEventId],
    withState: true,
    fields: (s) => ({ version: String(s.emptyEventVersion), pinned: "yes" }),
  },
  {
    kind: "action",
    module: "leaders",
    exportName: "createLeaderAction",
    access: "editor",
    page: () => "/admin/leaders/new",
    bound: () => [],
    withState: true,
    // The sample's name is taken after an update: the editor confirms it is another person.
    fields: () => ({ ...leaderFields(), confirmDuplicate: "yes" }),
  },
  {
    kind: "action",
    module: "leaders",
    exportName: "mergeLeadersAction",
    access: "editor",
    page: (s) => `/admin/leaders/${s.leaderId}/merge?other=${s.twinLeaderId}`,
    bound: (s) => [s.leaderId],
    withState: true,
    fields: (s) => ({
      version: String(s.leaderVersion),
      otherId: String(s.twinLeaderId),
    }),
  },
  {
    kind: "action",
    module: "leaders",
    exportName: "updateLeaderAction",
    access: "editor",
    page: (s) => `/admin/leaders/${s.leaderId}`,
    bound: (s) => [s.leaderId],
    withState: true,
    fields: (s) => ({ ...leaderFields(), version: String(s.leaderVersion) }),
  },
  {
    kind: "action",
    module: "leaders",
    exportName: "deleteLeaderAction",
    access: "editor",
    page: (s) => `/admin/leaders/${s.leaderId}/delete`,
    bound: (s) => [s.leaderId],
    withState: true,
    fields: (s) => ({ version: String(s.leaderVersion) }),
  },
  // The source forms' "Fetch" and "Fetch again" post these same two actions with
  // `intent=fetch` and a `fetchUrl` (lib/actions/source-fetch-state.ts): the same door, behind
  // the same session and Origin checks, and no new export to list.
  {
    kind: "action",
    module: "sources",
    exportName: "createSourceAction",
    access: "editor",
    page: () => "/admin/sources/new",
    bound: () => [],
    withState: true,
    fields: sourceFields,
  },
  {
    kind: "action",
    module: "sources",
    exportName: "updateSourceAction",
    access: "editor",
    page: (s) => `/admin/sources/${s.sourceId}`,
    bound: (s) => [s.sourceId],
    withState: true,
    // The text keeps the words the sample entry cites: its citation is re-found exactly.
    fields: (s) => ({
      ...sourceFields(),
      // An address of its own: the create door's source has the sample's (no source twice).
      url: `https://example.org/registry-sample/${s.sourceId}`,
      text: `${s.sourceText} Updated.`,
      version: String(s.sourceVersion),
    }),
  },
  {
    kind: "action",
    module: "sources",
    exportName: "deleteSourceAction",
    access: "editor",
    page: (s) => `/admin/sources/${s.uncitedSourceId}/delete`,
    bound: (s) => [s.uncitedSourceId],
    withState: true,
    fields: (s) => ({ version: String(s.uncitedSourceVersion) }),
  },
  {
    kind: "action",
    module: "citations",
    exportName: "confirmCitationAction",
    access: "editor",
    page: () => "/admin/review",
    bound: (s) => [s.citationId],
    withState: true,
    fields: (s) => ({ version: String(s.citationVersion) }),
  },
  {
    kind: "action",
    module: "citations",
    exportName: "reciteCitationAction",
    access: "editor",
    page: () => "/admin/review",
    bound: (s) => [s.citationId],
    withState: true,
    fields: (s) => ({ version: String(s.citationVersion), quote: s.quote }),
  },
  {
    kind: "action",
    module: "auth",
    exportName: "signInAction",
    access: "public",
    page: () => "/sign-in",
    bound: () => [],
    withState: true,
    fields: (s) => ({ email: s.email, password: s.password, next: "/admin" }),
  },
  {
    kind: "action",
    module: "auth",
    exportName: "signOutAction",
    access: "editor",
    page: () => "/admin",
    bound: () => [],
    withState: false,
    fields: () => ({}),
  },
];

const AUTH_ROUTE_FILE = "app/api/auth/[...all]/route.ts";

/**
 * Better Auth's endpoints that /api/auth forwards with a method that can change data (see
 * lib/auth/routes.ts), and sign-up, which must stay closed.
 */
export const MUTATING_ROUTES: RouteDoor[] = [
  {
    kind: "route",
    method: "POST",
    path: "/api/auth/sign-in/email",
    file: AUTH_ROUTE_FILE,
    access: "public",
    body: (s) => ({ email: s.email, password: s.password }),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/auth/sign-out",
    file: AUTH_ROUTE_FILE,
    access: "editor",
    body: () => ({}),
  },
  {
    kind: "route",
    method: "POST",
    path: "/api/auth/sign-up/email",
    file: AUTH_ROUTE_FILE,
    access: "closed",
    body: (s) => ({ email: `new-${s.email}`, password: s.password, name: "New Editor" }),
  },
];

/** Read-only Better Auth endpoints that /api/auth forwards. */
export const READ_ONLY_AUTH_ROUTES = [{ method: "GET", path: "/api/auth/get-session" }] as const;
