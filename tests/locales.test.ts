import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pickUiLanguage, resources, UI_LANGUAGES } from "../locales";

const root = path.resolve(import.meta.dirname, "..");
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const keysOf = (lang: (typeof UI_LANGUAGES)[number]) => flatten(resources[lang].common);
const baseKeys = (keys: string[]) => new Set(keys.map((k) => k.replace(PLURAL, "")));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(d.name) ? [rel] : [];
  });
}

describe("locales", () => {
  it("have the same keys in every language (plural forms aside)", () => {
    const [first, ...rest] = UI_LANGUAGES;
    for (const lang of rest) expect([...baseKeys(keysOf(lang))].sort()).toEqual([...baseKeys(keysOf(first))].sort());
  });

  it("have every plural form each language needs", () => {
    for (const lang of UI_LANGUAGES) {
      const keys = new Set(keysOf(lang));
      const plurals = new Set(keysOf(lang).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, "")));
      for (const base of plurals) {
        for (const category of new Intl.PluralRules(lang).resolvedOptions().pluralCategories) {
          expect(keys.has(`${base}_${category}`), `${lang}: ${base}_${category}`).toBe(true);
        }
      }
    }
  });

  it("have no empty strings", () => {
    for (const lang of UI_LANGUAGES) {
      const get = (key: string) => key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], resources[lang].common);
      for (const key of keysOf(lang)) expect(String(get(key)).trim(), `${lang}: ${key}`).not.toBe("");
    }
  });

  it("contain every key the code uses", () => {
    const known = baseKeys(keysOf("en"));
    const used: string[] = [];
    const prefixes: string[] = [];
    for (const file of ["app", "components", "server"].flatMap(sourceFiles)) {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([\w.-]+)"/g)) used.push(`${file}: ${m[1]}`);
      // A computed key such as t(`language.${lang}`) must at least have keys under its prefix.
      for (const m of text.matchAll(/\bt\(\s*`([\w.-]*)\$\{/g)) prefixes.push(`${file}: ${m[1]}`);
      // Keys held in constants ("reader.layoutSide") are used through t(NAME[x]).
      for (const m of text.matchAll(/:\s*"((?:reader|home|import|errors|nav|app|language|langName)\.[\w.-]+)"/g)) used.push(`${file}: ${m[1]}`);
    }
    expect(used.length).toBeGreaterThan(20);
    const missing = used.filter((u) => !known.has(u.split(": ")[1]));
    expect(missing).toEqual([]);
    const emptyPrefixes = prefixes.filter((p) => ![...known].some((k) => k.startsWith(p.split(": ")[1])));
    expect(emptyPrefixes).toEqual([]);
  });
});

describe("pickUiLanguage", () => {
  it("prefers the cookie, then Accept-Language, then English", () => {
    expect(pickUiLanguage("fr", "en-US")).toBe("fr");
    expect(pickUiLanguage(undefined, "de-DE,fr-FR;q=0.8,en;q=0.5")).toBe("fr");
    expect(pickUiLanguage("xx", "de")).toBe("en");
    expect(pickUiLanguage(undefined, undefined)).toBe("en");
  });
});
