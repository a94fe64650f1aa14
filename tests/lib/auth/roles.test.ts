import { describe, expect, it } from "vitest";
import { ACTIONS, can, isRole, ROLES } from "../../../lib/auth/roles";

describe("roles", () => {
  it("let a reader only read", () => {
    expect(ACTIONS.filter((a) => can("reader", a))).toEqual(["read"]);
  });

  it("let a corrector suggest and comment, not review", () => {
    expect(can("corrector", "suggest")).toBe(true);
    expect(can("corrector", "comment")).toBe(true);
    expect(can("corrector", "review")).toBe(false);
    expect(can("corrector", "editGlossary")).toBe(false);
  });

  it("let a reviewer do all a corrector may, and accept, reject and revert", () => {
    for (const a of ACTIONS) if (can("corrector", a)) expect(can("reviewer", a)).toBe(true);
    expect(can("reviewer", "review")).toBe(true);
    expect(can("reviewer", "revert")).toBe(true);
    expect(can("reviewer", "import")).toBe(false);
  });

  it("let a terminologist edit the glossary but not review", () => {
    expect(can("terminologist", "editGlossary")).toBe(true);
    expect(can("terminologist", "review")).toBe(false);
  });

  it("keep users, imports, settings and the audit log for admins", () => {
    for (const a of ["manageUsers", "import", "readAudit", "changeSettings"] as const) {
      expect(ROLES.filter((r) => can(r, a))).toEqual(["admin"]);
    }
    for (const a of ACTIONS) expect(can("admin", a)).toBe(true);
  });

  it("give each role exactly its actions, no more and no fewer (the whole table, without a build)", () => {
    const table = Object.fromEntries(ROLES.map((r) => [r, ACTIONS.filter((a) => can(r, a))]));
    expect(table).toEqual({
      reader: ["read"],
      corrector: ["read", "suggest", "comment"],
      reviewer: ["read", "suggest", "comment", "review", "revert"],
      terminologist: ["read", "suggest", "comment", "editGlossary"],
      admin: ["read", "suggest", "comment", "review", "revert", "editGlossary", "import", "manageUsers", "readAudit", "changeSettings"],
    });
    // Every role and action is in the table: a new one must be placed in it on purpose.
    expect(ROLES).toEqual(["reader", "corrector", "reviewer", "terminologist", "admin"]);
    expect(ACTIONS).toHaveLength(10);
  });

  it("recognise role names", () => {
    expect(isRole("reviewer")).toBe(true);
    expect(isRole("root")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
