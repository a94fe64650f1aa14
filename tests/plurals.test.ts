/// Every interface string that counts something must use i18next's plural forms, whatever its
/// variable is called: "1 paragraphs changed" is a bug. The TypeScript checker finds each
/// `t("key", { … })` call in app/, components/, server/ and cli/ whose options carry a
/// number-typed value. Where the string puts a word after that number ("{{n}} paragraphs",
/// "{{n}} minutes", "{{n}} in this document") the number is a count: it must be passed as
/// `count`, be the only count of the string, and the key must have every plural form of each
/// interface language. A number that labels ("revision {{n}}", "#{{id}} by …") is not a count.
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { resources, UI_LANGUAGES } from "../locales";

const root = path.resolve(import.meta.dirname, "..");
const FOLDERS = ["app", "components", "server", "cli"].map((d) => path.join(root, d) + path.sep);

/// The strings of a key in a language: the key itself or its plural forms.
function stringsOf(lang: (typeof UI_LANGUAGES)[number], key: string): string[] {
  const bundle = resources[lang].common as Record<string, unknown>;
  const parts = key.split(".");
  const last = parts.pop()!;
  const parent = parts.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], bundle) as Record<string, unknown> | undefined;
  if (!parent) return [];
  return Object.entries(parent)
    .filter(([k, v]) => typeof v === "string" && (k === last || k.startsWith(`${last}_`)))
    .map(([, v]) => v as string);
}

/// Whether `{{name}}` stands in `text` as a count: a word follows it, and no "#" or "n°" labels it.
function countsIn(text: string, name: string): boolean {
  const escaped = name.replace(/[$()*+.?[\\\]^{|}]/g, "\\$&");
  return new RegExp(`(?<!#|°\\s?)\\{\\{${escaped}(?:,[^}]*)?\\}\\}[\\s\\u00a0\\u202f]+\\p{L}`, "u").test(text);
}

function flatKeys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? flatKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/// The t(…) calls whose options hold a number, as "file:line key {names}".
function numericCalls(): Array<{ where: string; key: string; numeric: string[]; hasCount: boolean }> {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!config) throw new Error("tsconfig.json could not be read");
  const program = ts.createProgram(config.fileNames, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const isNumber = (type: ts.Type): boolean =>
    type.isUnion() ? type.types.some(isNumber) : !!(type.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike));
  const found: Array<{ where: string; key: string; numeric: string[]; hasCount: boolean }> = [];
  for (const file of program.getSourceFiles()) {
    if (!FOLDERS.some((f) => file.fileName.startsWith(f))) continue;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.arguments.length >= 2) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
        const [keyArg, options] = node.arguments;
        if (name === "t" && ts.isStringLiteralLike(keyArg) && ts.isObjectLiteralExpression(options)) {
          const numeric: string[] = [];
          let hasCount = false;
          for (const prop of options.properties) {
            if (!(ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop)) || !prop.name) continue;
            const propName = prop.name.getText(file);
            if (propName === "count") hasCount = true;
            if (propName === "defaultValue") continue;
            const value = ts.isPropertyAssignment(prop) ? prop.initializer : prop.name;
            if (isNumber(checker.getTypeAtLocation(value))) numeric.push(propName);
          }
          if (numeric.length > 0) {
            const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
            found.push({ where: `${path.relative(root, file.fileName)}:${line + 1}`, key: keyArg.text, numeric, hasCount });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

describe("strings with numbers", () => {
  const calls = numericCalls();

  it("are found in the code (the scan sees the calls it must judge)", () => {
    // The document list says how many paragraphs a document has: a call the scan must see.
    expect(calls.some((c) => c.key === "home.paragraphs")).toBe(true);
  });

  const counting = calls.map((c) => ({
    ...c,
    counts: c.numeric.filter((name) => UI_LANGUAGES.some((lang) => stringsOf(lang, c.key).some((s) => countsIn(s, name)))),
  }));

  it("tell a count from a label", () => {
    expect(countsIn("{{changed}} paragraphs changed", "changed")).toBe(true);
    expect(countsIn("Réessayez dans {{minutes}}\u00a0minutes", "minutes")).toBe(true);
    expect(countsIn("Revision {{number}}", "number")).toBe(false);
    expect(countsIn("Suggestion #{{id}} by {{author}}", "id")).toBe(false);
    expect(countsIn("Suggestion n° {{id}} de {{author}}", "id")).toBe(false);
    expect(counting.some((c) => c.key === "home.paragraphs" && c.counts.includes("count"))).toBe(true);
  });

  it("pass their one count as `count`, so i18next picks the plural form", () => {
    const wrong = counting
      .filter((c) => c.counts.length > 0 && (c.counts.length > 1 || c.counts[0] !== "count" || !c.hasCount))
      .map((c) => `${c.where} ${c.key} {${c.counts.join(", ")}}`);
    expect(wrong).toEqual([]);
  });

  it("have every plural form of their language in every interface language", () => {
    const missing: string[] = [];
    for (const lang of UI_LANGUAGES) {
      const keys = new Set(flatKeys(resources[lang].common));
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const c of counting.filter((c) => c.counts.length > 0)) {
        for (const category of categories) if (!keys.has(`${c.key}_${category}`)) missing.push(`${lang}: ${c.key}_${category} (${c.where})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
