/// Roles and what each may do. The one table every permission check in the product reads.

/// The roles, from least to most trusted (terminologist and reviewer are side by side).
export const ROLES = ["reader", "corrector", "reviewer", "terminologist", "admin"] as const;
export type Role = (typeof ROLES)[number];

/// Everything a person can do that the server checks.
export const ACTIONS = [
  "read",
  "suggest",
  "comment",
  "review",
  "revert",
  "editGlossary",
  "import",
  "manageUsers",
  "readAudit",
  "changeSettings",
] as const;
export type Action = (typeof ACTIONS)[number];

const READER: Action[] = ["read"];
const CORRECTOR: Action[] = [...READER, "suggest", "comment"];

/// What each role may do. A reviewer may do all a corrector may and also accept, reject and
/// revert; a terminologist edits the glossary and may also suggest and comment (terms are found
/// while correcting); an admin may do everything.
export const PERMISSIONS: Record<Role, readonly Action[]> = {
  reader: READER,
  corrector: CORRECTOR,
  reviewer: [...CORRECTOR, "review", "revert"],
  terminologist: [...CORRECTOR, "editGlossary"],
  admin: ACTIONS,
};

/// Whether a role may perform an action.
export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/// Whether a string names a role.
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
