import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/// Every module a source file names: imports (type-only ones included), re-exports, dynamic
/// imports and requires, as TypeScript's pre-processor reads them.
function specifiers(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/// Where a specifier written in `file` points, relative to the repository's root; null for a package.
function target(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.normalize(specifier.slice(2));
  if (specifier.startsWith(".")) return path.relative(root, path.resolve(path.dirname(file), specifier));
  return null;
}

function serverImports(file: string, source: string): string[] {
  return specifiers(source).filter((s) => {
    const t = target(file, s);
    return t !== null && (t === "server" || t.startsWith(`server${path.sep}`));
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(e.name) ? [full] : [];
  });
}

describe("client code (components/)", () => {
  it("imports nothing from server/, types included", () => {
    const files = sourceFiles(path.join(root, "components"));
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((f) => serverImports(f, readFileSync(f, "utf8")).map((s) => `${path.relative(root, f)}: ${s}`));
    expect(found).toEqual([]);
  });

  it("the scan sees every way a module can be named", () => {
    const file = path.join(root, "components", "corrections", "Example.tsx");
    const source = [
      `import type { SuggestionView } from "@/server/corrections/views";`,
      `import { x } from "../../server/db/schema";`,
      `export { y } from "@/server/auth/session";`,
      `const z = await import("../../server/events/bus");`,
      `import { ok } from "@/lib/corrections/views";`,
      `import React from "react";`,
      `import { api } from "../api";`,
    ].join("\n");
    expect(serverImports(file, source)).toEqual(["@/server/corrections/views", "../../server/db/schema", "@/server/auth/session", "../../server/events/bus"]);
  });
});
