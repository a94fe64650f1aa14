import { describe, expect, it } from "vitest";
import { safeNext } from "../../components/api";

describe("safeNext (where to go after signing in)", () => {
  const origin = "https://vis-a-vis.example";
  it("keeps a path on this site, with its query and hash", () => {
    expect(safeNext("/admin/users?x=1#top", origin)).toBe("/admin/users?x=1#top");
  });
  it("refuses anything that leaves the site", () => {
    for (const next of ["//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example/", "javascript:alert(1)", "", null, undefined]) {
      expect(safeNext(next, origin), String(next)).toBe("/");
    }
  });
});
