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

import type { Role } from "../../lib/auth/roles";

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
  /** A pending invitation, its link's token, and an account an admin can change. */
  invitationId: number;
  invitationToken: string;
  otherAccountId: string;
  /** Another session of the account the door is tried with, to end. */
  otherSessionId: string;
  /** A passkey of the account the door is tried with, to remove. */
  passkeyId: string;
};

export type ServerActionDoor = {
  kind: "action";
  /** lib/actions/<module>.ts */
  module:
    | "account"
    | "accounts"
    | "attendance"
    | "auth"
    | "citations"
    | "events"
    | "import"
    | "leaders"
    | "passkeys"
    | "sources"
    | "steps"
    | "suggestions";
  exportName: string;
  access: "editor" | "public";
  /**
   * The roles whose accounts may use it (lib/auth/roles.ts); the suite tries every other role
   * too, which must be refused with nothing written (the role matrix).
   */
  roles: Role[];
  /**
   * False when no request built from the sample can succeed: it needs a code from an
   * authenticator app, a sign-in's pending second step or what a passkey signed. The refusals
   * are still tried.
   */
  control?: false;
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

/**
 * Plans dated before the sample event (1 June 2001), as the forms send them: a plan dated after
 * the event's last day is a slip the date guards ask the editor to confirm (confirmDates), and
 * the sample's sources have no publication date to check against.
 */
const entryFields = (s: DoorSample) => ({
  eventId: String(s.eventId),
  leaderMode: "existing",
  leaderId: String(s.leaderId),
  status: "confirmed",
  representativeId: "",
  // Before the sample event (1 June 2001): a plan after an event's last day asks first.
  asOf: "2001-05-20",
  note: "Saved by the registry's sample.",
  stepNote: "",
  "citations.0.sourceId": String(s.sourceId),
  "citations.0.quote": s.quote,
});

const stepFields = (s: DoorSample) => ({
  status: "reported",
  representativeId: "",
  asOf: "2001-05-10",
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
  endDate: "",
  place: "Port Example",
  occasion: "Saved by the registry's sample.",
  slug: "",
});

/**
 * A source is stored once (by its address and by its text), and the role matrix saves the same
 * door more than once on one database: each sample's source has an address and text of its own.
 */
const sourceFields = (s: DoorSample) => ({
  title: "Registry sample report",
  publisher: "Example Wire",
  url: `https://example.org/registry-sample/new-${s.sourceId}`,
  publishedOn: "2025-04-12",
  dateNote: "",
  text: `A sample text long enough to cite: the registry saves it (sample ${s.sourceId}).`,
});

export const SERVER_ACTIONS: ServerActionDoor[] = [
  {
    kind: "action",
    module: "import",
    exportName: "previewImportAction",
    access: "editor",
    roles: ["admin", "editor"],
    // The dry run writes nothing by design, so "the database changed" cannot be its control;
    // tests/reliability/import.spec.ts checks what it answers, with generated files.
    control: false,
    page: (s) => `/admin/events/${s.eventId}/import`,
    bound: (s) => [s.eventId],
    withState: true,
    fields: (s) => ({
      file: `leader,country,office,status,as_of,source,quote\r\nDoor Leader,Ruritania,President,confirmed,2001-05-01,${s.sourceId},"${s.quote}"\r\n`,
    }),
  },
  {
    kind: "action",
    module: "import",
    exportName: "applyImportAction",
    access: "editor",
    roles: ["admin", "editor"],
    // Applies only rows the server signed at a dry run (lib/data/import-token.ts): no request
    // built from the sample alone can succeed. tests/reliability/import.spec.ts applies real ones.
    control: false,
    page: (s) => `/admin/events/${s.eventId}/import`,
    bound: (s) => [s.eventId],
    withState: true,
    fields: () => ({ token: "e30.bm90LXNpZ25lZA" }),
  },
  {
    kind: "action",
    module: "attendance",
    exportName: "createAttendanceAction",
    access: "editor",
    roles: ["admin", "editor"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin", "editor"],
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
    roles: ["admin", "editor"],
    page: (s) => `/admin/sources/${s.sourceId}`,
    bound: (s) => [s.sourceId],
    withState: true,
    // The text keeps the words the sample entry cites: its citation is re-found exactly.
    fields: (s) => ({
      ...sourceFields(s),
      // An address and text of its own: the create door's source has the sample's.
      url: `https://example.org/registry-sample/${s.sourceId}`,
      text: `${s.sourceText} Updated (sample ${s.sourceId}).`,
      version: String(s.sourceVersion),
    }),
  },
  {
    kind: "action",
    module: "sources",
    exportName: "deleteSourceAction",
    access: "editor",
    roles: ["admin"],
    page: (s) => `/admin/sources/${s.uncitedSourceId}/delete`,
    bound: (s) => [s.uncitedSourceId],
    withState: true,
    fields: (s) => ({ version: String(s.uncitedSourceVersion) }),
  },
  {
    kind: "action",
    module: "suggestions",
    exportName: "acceptSuggestionAction",
    access: "editor",
    roles: ["admin", "editor"],
    page: (s) => `/admin/sources/${s.sourceId}/suggestions?event=${s.eventId}`,
    bound: (s) => [s.sourceId, s.eventId],
    withState: true,
    // A claim about the sample entry's leader: a step on the sample entry, as the form sends it.
    fields: (s) => ({
      key: `leader-${s.leaderId}:reported:0badc0de`,
      leaderMode: "existing",
      leaderId: String(s.leaderId),
      status: "reported",
      asOf: "2001-05-10",
      quote: s.quote,
      start: "",
      note: "Accepted by the registry's sample.",
    }),
  },
  {
    kind: "action",
    module: "suggestions",
    exportName: "dismissSuggestionAction",
    access: "editor",
    roles: ["admin", "editor"],
    page: (s) => `/admin/sources/${s.sourceId}/suggestions?event=${s.eventId}`,
    bound: (s) => [s.sourceId, s.eventId],
    withState: true,
    fields: (s) => ({
      key: `leader-${s.leaderId}:confirmed:0badc0de`,
      leaderName: "Registry Sample",
      claim: "confirmed",
      quote: s.quote,
    }),
  },
  {
    kind: "action",
    module: "citations",
    exportName: "confirmCitationAction",
    access: "editor",
    roles: ["admin", "editor", "reviewer"],
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
    roles: ["admin", "editor", "reviewer"],
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
    roles: ["admin", "editor", "reviewer"],
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
    roles: ["admin", "editor", "reviewer"],
    page: () => "/admin",
    bound: () => [],
    withState: false,
    fields: () => ({}),
  },
  {
    kind: "action",
    module: "accounts",
    exportName: "inviteAccountAction",
    access: "editor",
    roles: ["admin"],
    page: () => "/admin/accounts",
    bound: () => [],
    withState: true,
    fields: (s) => ({ email: `invited-${s.invitationId}@example.org`, role: "editor" }),
  },
  {
    kind: "action",
    module: "accounts",
    exportName: "revokeInvitationAction",
    access: "editor",
    roles: ["admin"],
    page: () => "/admin/accounts",
    bound: (s) => [s.invitationId],
    withState: true,
    fields: () => ({}),
  },
  {
    kind: "action",
    module: "accounts",
    exportName: "setAccountRoleAction",
    access: "editor",
    roles: ["admin"],
    page: () => "/admin/accounts",
    bound: (s) => [s.otherAccountId],
    withState: true,
    fields: () => ({ role: "reviewer" }),
  },
  {
    kind: "action",
    module: "accounts",
    exportName: "setAccountDisabledAction",
    access: "editor",
    roles: ["admin"],
    page: () => "/admin/accounts",
    bound: (s) => [s.otherAccountId, true],
    withState: true,
    fields: () => ({}),
  },
  {
    kind: "action",
    module: "accounts",
    exportName: "setTwoFactorRequiredAction",
    access: "editor",
    roles: ["admin"],
    page: () => "/admin/accounts",
    bound: () => [],
    withState: true,
    // Saved and recorded all the same; "yes" would leave every later door of the spec's
    // database refused until its account set up two-factor sign-in.
    fields: () => ({ require: "no" }),
  },
  {
    kind: "action",
    module: "account",
    exportName: "changePasswordAction",
    access: "editor",
    roles: ["admin", "editor", "reviewer"],
    page: () => "/admin/account",
    bound: () => [],
    withState: true,
    // The same password again: a new hash, and the other sessions end, but the account's
    // password stays the one the other doors sign in with.
    fields: (s) => ({
      currentPassword: s.password,
      newPassword: s.password,
      confirmPassword: s.password,
    }),
  },
  {
    kind: "action",
    module: "account",
    exportName: "endSessionAction",
    access: "editor",
    roles: ["admin", "editor", "reviewer"],
    page: () => "/admin/account",
    bound: (s) => [s.otherSessionId],
    withState: true,
    fields: () => ({}),
  },
  {
    kind: "action",
    module: "account",
    exportName: "startTwoFactorAction",
    access: "editor",
    roles: ["admin", "editor", "reviewer"],
    page: () => "/admin/account/two-factor",
    bound: () => [],
    withState: true,
    fields: (s) => ({ password: s.password }),
  },
  {
    kind: "action",
    module: "account",
    exportName: "confirmTwoFactorAction",
    access: "editor",
    roles: ["admin", "editor", "reviewer"],
    control: false,
    page: () => "/admin/account/two-factor",
    bound: () => [],
    withState: true,
    fields: () => ({ code: "123456" }),
  },
  {
    kind: "action",
    module: "account",
    exportName: "disableTwoFactorAction",
    access: "editor",
    roles: ["admin", "editor", "reviewer"],
    page: () => "/admin/account/two-factor",
    bound: () => [],
    withState: true,
    fields: (s) => ({ password: s.password }),
  },
  {
    kind: "action",
    module: "auth",
    exportName: "verifyTwoFactorSignInAction",
    access: "public",
    roles: ["admin", "editor", "reviewer"],
    control: false,
    page: () => "/sign-in/two-factor",
    bound: () => [],
    withState: true,
    fields: () => ({ code: "123456", method: "totp", next: "/admin" }),
  },
  {
    kind: "action",
    module: "auth",
    exportName: "acceptInvitationAction",
    access: "public",
    roles: ["admin", "editor", "reviewer"],
    page: (s) => `/sign-in/invitation/${s.invitationToken}`,
    bound: (s) => [s.invitationToken],
    withState: true,
    fields: (s) => ({ name: "Invited Person", password: s.password }),
  },
  {
    kind: "action",
    module: "passkeys",
    exportName: "startPasskeyAction",
    access: "editor",
    roles: ["admin", "editor", "reviewer"],
    page: () => "/admin/account",
    bound: () => [],
    withState: true,
    // Writes the ceremony's challenge (a verification value) and answers with its options.
    fields: (s) => ({ name: "Door passkey", password: s.password }),
  },
  {
    kind: "action",
    module: "passkeys",
    exportName: "addPasskeyAction",
    access: "editor",
    roles: ["admin", "editor", "reviewer"],
    control: false,
    page: () => "/admin/account",
    bound: () => [],
    withState: true,
    fields: () => ({
      name: "Door passkey",
      response: JSON.stringify({
        id: "AAAA",
        rawId: "AAAA",
        type: "public-key",
        response: { clientDataJSON: "AAAA", attestationObject: "AAAA" },
        clientExtensionResults: {},
      }),
    }),
  },
  {
    kind: "action",
    module: "passkeys",
    exportName: "deletePasskeyAction",
    access: "editor",
    roles: ["admin", "editor", "reviewer"],
    page: () => "/admin/account",
    bound: (s) => [s.passkeyId],
    withState: true,
    fields: () => ({}),
  },
  {
    kind: "action",
    module: "passkeys",
    exportName: "startPasskeySignInAction",
    access: "public",
    roles: ["admin", "editor", "reviewer"],
    page: () => "/sign-in",
    bound: () => [],
    withState: true,
    fields: () => ({}),
  },
  {
    kind: "action",
    module: "passkeys",
    exportName: "passkeySignInAction",
    access: "public",
    roles: ["admin", "editor", "reviewer"],
    control: false,
    page: () => "/sign-in",
    bound: () => [],
    withState: true,
    fields: () => ({
      next: "/admin",
      response: JSON.stringify({
        id: "AAAA",
        rawId: "AAAA",
        type: "public-key",
        response: { clientDataJSON: "AAAA", authenticatorData: "AAAA", signature: "AAAA" },
        clientExtensionResults: {},
      }),
    }),
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

/**
 * Public doors that only read, made for other sites and tools: the Atom feeds, oEmbed and the
 * embed page (the one page any site may frame). Each takes free input in its address; the
 * reliability suite tries each with `READ_DOOR_INPUTS` (read-doors.spec.ts): no answer is a
 * 500, no input comes back unescaped, nothing is written, and only the embed may be framed.
 */
export type ReadDoor = {
  name: string;
  /** The route file that answers it. */
  file: string;
  /** Its address for an event (slug), or with a generated input in every free part. */
  path: (slug: string, origin: string) => string;
  /** Its Content-Type, without parameters. */
  type: string;
  framable: boolean;
};

export const READ_DOORS: ReadDoor[] = [
  {
    name: "event feed",
    file: "app/events/[slug]/feed.xml/route.ts",
    path: (slug) => `/events/${encodeURIComponent(slug)}/feed.xml`,
    type: "application/atom+xml",
    framable: false,
  },
  {
    name: "site feed",
    file: "app/feeds/[scope]/route.ts",
    path: () => "/feed.xml",
    type: "application/atom+xml",
    framable: false,
  },
  {
    name: "oEmbed",
    file: "app/api/oembed/route.ts",
    path: (slug, origin) =>
      `/api/oembed?${new URLSearchParams({ url: `${origin}/events/${slug}`, format: "json", maxwidth: "500" })}`,
    type: "application/json",
    framable: false,
  },
  {
    name: "embed",
    file: "app/embed/events/[slug]/view/[view]/page.tsx",
    path: (slug) => `/embed/events/${encodeURIComponent(slug)}`,
    type: "text/html",
    framable: true,
  },
];

/** Generated inputs for the read doors' free parts (a slug, a URL, a status, a day, a size). */
export const READ_DOOR_INPUTS: { name: string; path: (slug: string, origin: string) => string }[] =
  [
    ...[
      "<script>alert('slug')</script>",
      "..%2F..%2Fetc%2Fpasswd",
      "x".repeat(3000),
      "é\u0000ü",
    ].map((slug, i) => ({
      name: `slug ${i}`,
      path: () => `/events/${encodeURIComponent(slug)}/feed.xml`,
    })),
    { name: "feed scope", path: () => "/feeds/%3Cscript%3E" },
    ...[
      "javascript:alert(1)",
      "https://evil.example/events/x",
      "<script>alert('url')</script>",
      "%",
      "x".repeat(5000),
    ].map((url, i) => ({
      name: `oEmbed url ${i}`,
      path: () => `/api/oembed?${new URLSearchParams({ url })}`,
    })),
    {
      name: "oEmbed own url with a hostile status and day",
      path: (slug: string, origin: string) =>
        `/api/oembed?${new URLSearchParams({ url: `${origin}/events/${slug}?status=<script>alert(1)</script>&asOf=2025-99-99` })}`,
    },
    {
      name: "oEmbed sizes",
      path: (slug: string, origin: string) =>
        `/api/oembed?${new URLSearchParams({ url: `${origin}/events/${slug}`, maxwidth: "-1", maxheight: "1e9" })}`,
    },
    {
      name: "embed status and day",
      path: (slug: string) =>
        `/embed/events/${slug}?status=${encodeURIComponent("<script>alert(1)</script>")}&asOf=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`,
    },
    {
      name: "embed slug",
      path: () => `/embed/events/${encodeURIComponent("<img src=x onerror=alert(1)>")}`,
    },
    {
      name: "embed state made up",
      path: (slug: string) =>
        `/embed/events/${slug}/view/${Buffer.from("status=<script>alert(1)</script>").toString("base64url")}`,
    },
    {
      name: "event search and day",
      path: (slug: string) =>
        `/events/${slug}?q=${encodeURIComponent("<script>alert(1)</script>")}&asOf=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`,
    },
    {
      name: "event search made up",
      path: (slug: string) =>
        `/events/${slug}/query/${Buffer.from("q=<img src=x onerror=alert(1)>&sort=name").toString("base64url")}`,
    },
  ];
