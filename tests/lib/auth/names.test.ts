import { describe, expect, it } from "vitest";
import { isValidUserName, userNameKey } from "../../../lib/auth/names";

describe("user names", () => {
  it("accept letters (accented too), digits, dots, hyphens and underscores", () => {
    for (const ok of ["alice", "Émile", "jean-luc.picard", "x_1", "李雷"]) expect(isValidUserName(ok), ok).toBe(true);
  });

  it("refuse markup, spaces, a leading symbol and lengths outside 2 to 40", () => {
    for (const bad of ["<img src=x onerror=alert(1)>", "a b", "-x", ".x", "a", "a".repeat(41), "javascript:alert(1)", "x\"y", ""]) {
      expect(isValidUserName(bad), bad).toBe(false);
    }
  });

  it("compare without case and Unicode form", () => {
    expect(userNameKey("Émile")).toBe(userNameKey("e\u0301mile"));
    expect(userNameKey("ALICE")).toBe("alice");
  });
});
