/// Searching the glossary as a reader types (lib/glossary/search.ts) and the concordance of an
/// entry over the corpus (server/glossary/concordance.ts).
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readTbx } from "../../../lib/formats/tbx";
import type { TermEntry } from "../../../lib/glossary/model";
import { searchEntries, searchWords } from "../../../lib/glossary/search";
import { importDocument } from "../../../server/corpus/import";
import type { Db } from "../../../server/db/connection";
import { entryConcordance, occurrencesOf } from "../../../server/glossary/concordance";
import { importEntries, saveEntry } from "../../../server/glossary/store";
import { freshDatabase } from "../../support/databases";

const root = path.resolve(import.meta.dirname, "../../..");
const glossary = readTbx(fs.readFileSync(path.join(root, "glossary/technology-policy.tbx"), "utf8"));
const ids = (q: string) => searchEntries(glossary, q).map((h) => h.entry.id);
const first = (q: string) => searchEntries(glossary, q)[0];

describe("searchEntries", () => {
  it("folds case, accents, apostrophes and ligatures", () => {
    expect(searchWords("Contrôles d’Exportation")).toEqual(["controles", "d", "exportation"]);
    expect(searchWords("Œuvre")).toEqual(["oeuvre"]);
    expect(ids("controle")).toContain("export-controls");
    expect(ids("CONTRÔLES D'EXPORTATION")[0]).toBe("export-controls");
    expect(ids("contrôles d’exportation")[0]).toBe("export-controls");
  });

  it("finds by the start of any word of any term, in either language", () => {
    expect(ids("semi")).toEqual(expect.arrayContaining(["semiconductor", "semiconductor-manufacturing-equipment"]));
    expect(first("semi").matchedTerm?.text).toMatch(/^semi/i);
    expect(ids("exportation")).toContain("export-controls"); // a later word
    expect(ids("export control")).toContain("export-controls"); // English
    expect(ids("conducteur")).toContain("semiconductor"); // after a hyphen
    expect(ids("semiconducteur")).toContain("semiconductor"); // the hyphen left out
    expect(ids("xyzzy")).toEqual([]);
    expect(ids("ontrôle")).not.toContain("export-controls"); // not inside a word
  });

  it("finds deprecated variants and says which term matched", () => {
    const hit = first("jeton");
    expect(hit.entry.id).toBe("chip");
    expect(hit.matchedTerm).toEqual({ lang: "fr", text: "jeton", status: "deprecated" });
  });

  it("finds a singular term from its plural, in French and English", () => {
    expect(first("chips").entry.id).toBe("chip");
    expect(first("chips").matchedTerm).toMatchObject({ lang: "en", text: "chip" });
    expect(first("puces").entry.id).toBe("chip");
    expect(first("jetons").entry.id).toBe("chip");
    expect(ids("contrôle d'exportation")[0]).toBe("export-controls"); // the term is plural, the query not
  });

  it("ranks the whole term first, then terms starting with the query, then later words", () => {
    const hits = searchEntries(glossary, "puce");
    expect(hits[0].entry.id).toBe("chip");
    expect(hits.map((h) => h.entry.id)).toEqual(expect.arrayContaining(["advanced-chip", "ai-chip"]));
  });

  it("lists every entry for an empty query, by French term", () => {
    const all = searchEntries(glossary, "   ");
    expect(all).toHaveLength(glossary.length);
    expect(all.every((h) => h.matchedTerm === null)).toBe(true);
    const labels = all.map((h) => h.entry.langs.fr?.terms[0]?.text ?? "");
    expect(labels.slice(0, 3)).toEqual([...labels].sort((a, b) => a.localeCompare(b, "fr", { sensitivity: "base" })).slice(0, 3));
  });
});

describe("entryConcordance", () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  const chip: TermEntry = {
    id: "chip",
    langs: {
      fr: { notes: [], terms: [{ text: "puce", status: "preferred" }, { text: "jeton", status: "deprecated" }] },
      en: { notes: [], terms: [{ text: "chip", status: "preferred" }] },
    },
  };
  const advanced: TermEntry = {
    id: "advanced-chip",
    langs: { fr: { notes: [], terms: [{ text: "puce avancée", status: "preferred" }] }, en: { notes: [], terms: [{ text: "advanced chip", status: "preferred" }] } },
  };
  const meta = {
    title: { fr: "Puces", en: "Chips" },
    languages: { source: "fr" as const, target: "en" as const },
    provenance: { fr: { kind: "machine-translation" as const, engine: null }, en: { kind: "human" as const } },
    licence: "CC0",
  };

  it("lists every aligned pair where a term of the entry occurs, with both sides' occurrences", async () => {
    db = await freshDatabase("sqlite");
    await importEntries(db.kysely, "t.tbx", [chip, advanced]);
    await importDocument(db.kysely, {
      slug: "puces",
      meta,
      fr: ["Puces", "Les jetons les plus chers de Nvidia.", "Rien ici.", "Des puces avancées et une puce."],
      en: ["Chips", "Nvidia's most expensive chips.", "Nothing here.", "Advanced chips and a chip."],
    });
    const { lines, total } = await entryConcordance(db.kysely, "chip");
    expect(total).toBe(3);
    expect(lines.map((l) => l.position)).toEqual([0, 1, 3]);
    const [title, jetons, advancedLine] = lines;
    expect(title.document).toEqual({ slug: "puces", title: "Puces" });
    expect(title.fr.spans).toMatchObject([{ start: 0, end: 5, term: "puce", status: "preferred" }]);
    expect(jetons.fr.spans).toMatchObject([{ start: 4, end: 10, term: "jeton", status: "deprecated" }]);
    expect(jetons.en).toMatchObject({ text: "Nvidia's most expensive chips.", spans: [{ start: 24, end: 29, term: "chip" }] });
    // "puce" inside "puces avancées" counts for the chip entry too.
    expect(advancedLine.fr.spans.map((s) => advancedLine.fr.text.slice(s.start, s.end))).toEqual(["puces", "puce"]);
    expect(advancedLine.en.spans.map((s) => advancedLine.en.text.slice(s.start, s.end))).toEqual(["chips", "chip"]);

    const occurrences = occurrencesOf(lines);
    expect(occurrences).toHaveLength(8);
    expect(occurrences[2]).toMatchObject({
      position: 1,
      lang: "fr",
      term: "jeton",
      text: "Les jetons les plus chers de Nvidia.",
      counterpart: { lang: "en", text: "Nvidia's most expensive chips.", spans: [{ start: 24, end: 29 }] },
    });

    // An edit shows at once: a new variant is found where it was not.
    await saveEntry(db.kysely, { ...chip, langs: { ...chip.langs, en: { notes: [], terms: [{ text: "chip", status: "preferred" }, { text: "nothing", status: "deprecated" }] } } }, "t", false);
    expect((await entryConcordance(db.kysely, "chip")).total).toBe(4);
    expect(await entryConcordance(db.kysely, "no-such-entry")).toEqual({ lines: [], total: 0 });
  });
});
