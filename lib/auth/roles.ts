/**
 * Roles and what each may do: the one table every write is checked against (lib/data/write.ts
 * `inTransaction` takes the permission a write needs), and pages ask to hide what a role
 * cannot do. Pure: no I/O, so it is unit-tested directly.
 */

export const ROLES = ["admin", "editor", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  editor: "Editor",
  reviewer: "Reviewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "manages accounts and can do everything",
  editor:
    "edits entries, leaders, sources and events; cannot delete events or sources, merge leaders or manage accounts",
  reviewer: "works the review queue only",
};

export type Permission =
  | "entry:edit"
  | "leader:edit"
  | "leader:merge"
  | "source:edit"
  | "source:delete"
  | "event:edit"
  | "event:delete"
  | "citation:review"
  | "account:manage"
  /** One's own account: password, sessions, two-factor sign-in. */
  | "account:own";

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    "entry:edit",
    "leader:edit",
    "leader:merge",
    "source:edit",
    "source:delete",
    "event:edit",
    "event:delete",
    "citation:review",
    "account:manage",
    "account:own",
  ],
  editor: [
    "entry:edit",
    "leader:edit",
    "source:edit",
    "event:edit",
    "citation:review",
    "account:own",
  ],
  reviewer: ["citation:review", "account:own"],
};

/** What a refusal says, whatever the page showed. */
const REFUSALS: Record<Permission, string> = {
  "entry:edit": "save or delete entries",
  "leader:edit": "add, change or delete leaders",
  "leader:merge": "merge leaders",
  "source:edit": "add or change sources",
  "source:delete": "delete sources",
  "event:edit": "add or change events",
  "event:delete": "delete events",
  "citation:review": "review citations",
  "account:manage": "manage accounts",
  "account:own": "change its own settings",
};

/** A stored role, or null for anything else (an unknown value grants nothing). */
export function parseRole(value: unknown): Role | null {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value)
    ? (value as Role)
    : null;
}

export function roleCan(role: Role | null, permission: Permission): boolean {
  return role != null && (GRANTS[role]?.includes(permission) ?? false);
}

function cannot(role: Role | null, permission: Permission): string {
  const who = role ? `${ROLE_LABELS[role].toLowerCase()}s` : "accounts without a role";
  return `Your account cannot ${REFUSALS[permission]}: ${who} may not.`;
}

export function refusalMessage(role: Role | null, permission: Permission): string {
  return `${cannot(role, permission)} Nothing was saved; ask an admin if you need to.`;
}

/** What a page that asks to confirm a change says instead to a role that may not make it. */
export function pageRefusalMessage(role: Role | null, permission: Permission): string {
  return `${cannot(role, permission)} Ask an admin if you need to.`;
}
