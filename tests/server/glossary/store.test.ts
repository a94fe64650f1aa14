/// The glossary in the database: importing term bases (idempotent, app edits kept), saving
/// entries with their history, and the per-process term index following every change.
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readTbx } from "../../../lib/formats/tbx";
import { matchTerms } from "../../../lib/glossary/match";
import type { TermEntry } from "../../../lib/glossary/model";
import type { Db } from "../../../server/db/connection";
import { entryHistory, getEntry, glossaryIndex, importEntries, listEntries, saveEntry } from "../../../server/glossary/store";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const root = path.resolve(import.meta.dirname, "../../..");
const shipped = () => readTbx(fs.readFileSync(path.join(root, "glossary/technology-policy.tbx"), "utf8"));

const byId = (entries: TermEntry[]) => [...entries].sort((a, b) => (a.id < b.id ? -1 : 1));

const chip = (): TermEntry => ({
  id: "chip",
  subjectField: "semiconductors",
  langs: {
    fr: { notes: [], terms: [{ text: "puce", status: "preferred", partOfSpeech: "noun", gender: "feminine" }, { text: "jeton", status: "deprecated" }] },
    en: { notes: [], terms: [{ text: "chip", status: "preferred", partOfSpeech: "noun" }] },
  },
});
const gap = (): TermEntry => ({
  id: "performance-gap",
  langs: {
    fr: { notes: [], terms: [{ text: "écart de performance", status: "preferred" }] },
    en: { notes: [], terms: [{ text: "performance gap", status: "preferred" }] },
  },
});

function suite(engine: Engine) {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });
  const open = async () => (db = await freshDatabase(engine)).kysely;

  it("imports a term base once: importing it again changes nothing and writes no history", async () => {
    const k = await open();
    const entries = shipped();
    expect(entries.length).toBeGreaterThan(40);
    expect(await importEntries(k, "technology-policy.tbx", entries)).toEqual({ created: entries.length, updated: 0, unchanged: 0, kept: 0 });
    const stored = await listEntries(k);
    expect(byId(stored)).toEqual(byId(entries));
    const historyBefore = await entryHistory(k, "chip");
    expect(historyBefore.map((h) => h.action)).toEqual(["import"]);

    expect(await importEntries(k, "technology-policy.tbx", shipped())).toEqual({ created: 0, updated: 0, unchanged: entries.length, kept: 0 });
    expect(await listEntries(k)).toEqual(stored);
    expect(await entryHistory(k, "chip")).toEqual(historyBefore);
  });

  it("a changed file updates an entry nobody edited and keeps one edited in the app", async () => {
    const k = await open();
    await importEntries(k, "base.tbx", [chip(), gap()]);
    // A terminologist adds a variant to "chip" in the app.
    const edited = chip();
    edited.langs.fr!.terms.push({ text: "microprocesseur", status: "admitted" });
    expect(await saveEntry(k, edited, "terri", false)).toEqual(edited);

    // The file changes both entries.
    const fileChip = chip();
    fileChip.note = "Changed in the file.";
    const fileGap = gap();
    fileGap.langs.en!.terms.push({ text: "performance difference", status: "admitted" });
    expect(await importEntries(k, "base.tbx", [fileChip, fileGap])).toEqual({ created: 0, updated: 1, unchanged: 0, kept: 1 });
    expect(await getEntry(k, "chip")).toEqual(edited);
    expect(await getEntry(k, "performance-gap")).toEqual(fileGap);
    expect((await entryHistory(k, "performance-gap")).map((h) => [h.action, h.actor])).toEqual([
      ["import", "import"],
      ["import", "import"],
    ]);
    // Importing the changed file again: nothing more happens (the edited entry is not reported
    // as kept again: the file has not changed since).
    expect(await importEntries(k, "base.tbx", [fileChip, fileGap])).toEqual({ created: 0, updated: 0, unchanged: 2, kept: 0 });
    expect(await getEntry(k, "chip")).toEqual(edited);
  });

  it("saveEntry records create, edit and deprecate, refuses a taken id or a missing entry, and skips a no-op", async () => {
    const k = await open();
    expect(await saveEntry(k, chip(), "terri", true)).toEqual(chip());
    expect(await saveEntry(k, { ...chip(), note: "again" }, "terri", true)).toBeNull();
    expect(await saveEntry(k, gap(), "terri", false)).toBeNull();
    expect(await getEntry(k, "performance-gap")).toBeNull();

    const edit = chip();
    edit.langs.en!.terms.push({ text: "microchip", status: "admitted" });
    await saveEntry(k, edit, "ada", false);
    await saveEntry(k, edit, "ada", false); // unchanged: no history
    const deprecate = structuredClone(edit);
    deprecate.langs.en!.terms = deprecate.langs.en!.terms.map((t) => ({ ...t, status: "deprecated" as const }));
    // Leaving English without a preferred term needs the terminologist's confirmation.
    await saveEntry(k, deprecate, "ada", false, { allowNoPreferred: true });

    const history = await entryHistory(k, "chip");
    expect(history.map((h) => [h.action, h.actor])).toEqual([
      ["deprecate", "ada"],
      ["edit", "ada"],
      ["create", "terri"],
    ]);
    expect(history[0].before).toEqual(edit);
    expect(history[0].after).toEqual(deprecate);
    expect(history[2].before).toBeNull();
    expect(await getEntry(k, "chip")).toEqual(deprecate);
  });

  it("glossaryIndex follows every change at once", async () => {
    const k = await open();
    await importEntries(k, "base.tbx", [chip()]);
    const text = "Les microprocesseurs et les jetons.";
    const found = async () => matchTerms((await glossaryIndex(k)).index, text, "fr").map((m) => `${m.entry}:${m.term}:${m.status}`);
    expect(await found()).toEqual(["chip:jeton:deprecated"]);
    const first = await glossaryIndex(k);
    expect((await glossaryIndex(k)).index).toBe(first.index); // unchanged glossary: the same index

    const edited = chip();
    edited.langs.fr!.terms.push({ text: "microprocesseur", status: "admitted" });
    await saveEntry(k, edited, "terri", false);
    expect(await found()).toEqual(["chip:microprocesseur:admitted", "chip:jeton:deprecated"]);

    // Edit after edit, each read straight after: the index never lags behind.
    for (let i = 0; i < 10; i++) {
      const e = structuredClone(edited);
      e.langs.fr!.terms[1]!.status = i % 2 === 0 ? "admitted" : "deprecated";
      await saveEntry(k, e, "terri", false);
      expect(await found()).toContain(`chip:jeton:${i % 2 === 0 ? "admitted" : "deprecated"}`);
    }

    await saveEntry(k, gap(), "terri", true);
    expect((await glossaryIndex(k)).entries.map((e) => e.id)).toEqual(["chip", "performance-gap"]);
  });
}

describe("glossary store on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("glossary store on PostgreSQL", () => suite("postgres"));
