import { describe, expect, it } from "vitest";
import { safeNext } from "../../../lib/http/return-path";

describe("safeNext (where to go after signing in)", () => {
  const origin = "https://vis-a-vis.example";
  it("keeps a path on this site, with its query and hash", () => {
    expect(safeNext("/admin/users?x=1#top", origin)).toBe("/admin/users?x=1#top");
    expect(safeNext("/documents/deepseek-containment#p-5", origin)).toBe("/documents/deepseek-containment#p-5");
    expect(safeNext("/glossary?q=%C3%A9cart", origin)).toBe("/glossary?q=%C3%A9cart");
  });
  it("keeps a path whose dot segments stay on the site, normalised", () => {
    expect(safeNext("/a/../glossary", origin)).toBe("/glossary");
    expect(safeNext("/./admin/users", origin)).toBe("/admin/users");
  });
  it("refuses anything that leaves the site", () => {
    for (const next of ["//evil.example", "/\\evil.example", "/\t/evil.example", "https://evil.example/", "javascript:alert(1)", "", null, undefined]) {
      expect(safeNext(next, origin), String(next)).toBe("/");
    }
  });
  it("refuses paths that become scheme-relative once normalised (the probe's finding)", () => {
    const variants = [
      "/.//evil.example",
      "/..//evil.example",
      "/a/..//evil.example",
      "/%2e%2e//evil.example",
      "/%2E//evil.example",
      "/%2e/%2e%2e//evil.example",
      "/a/b/../..//evil.example",
      "/.%2F/evil.example",
      "/./\\evil.example",
      "/.\\/evil.example",
    ];
    for (const next of variants) expect(safeNext(next, origin), next).toBe("/");
    // Decoded as a browser would, the same address is on another site.
    expect(new URL("/.//evil.example", origin).pathname).toBe("//evil.example");
  });
  it("refuses backslashes, encoded slashes and backslashes, tabs and line breaks anywhere they could turn the path", () => {
    const variants = [
      "/\\/evil.example",
      "\\\\evil.example",
      "/%5Cevil.example",
      "/%5cevil.example",
      "/%2F%2Fevil.example",
      "/%2f/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/\t\\evil.example",
      "/\u0000/evil.example",
      "/ /evil.example".replace(" ", "\u000b"),
      "/%09/evil.example",
      "/%0a/evil.example",
      "/docs\\..\\..\\evil",
    ];
    for (const next of variants) expect(safeNext(next, origin), JSON.stringify(next)).toBe("/");
  });
  it("refuses absolute and scheme-relative URLs, same host included", () => {
    for (const next of [
      "https://vis-a-vis.example/admin",
      "http://vis-a-vis.example/",
      "HTTPS://evil.example",
      "//vis-a-vis.example@evil.example/",
      "///evil.example",
      "////evil.example",
      "/\\/\\evil.example",
      "data:text/html,hi",
      " /admin",
    ]) {
      expect(safeNext(next, origin), next).toBe("/");
    }
  });
});
