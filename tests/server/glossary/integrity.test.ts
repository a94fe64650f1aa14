/// Edits that cannot silently lose work or meaning: versions (optimistic concurrency), the
/// preferred-term rule, restoring a version, and glossary changes as live events.
import { afterEach, describe, expect, it } from "vitest";
import type { DocumentSource } from "../../../lib/corpus/document";
import type { TermEntry } from "../../../lib/glossary/model";
import { importDocument } from "../../../server/corpus/import";
import type { Db } from "../../../server/db/connection";
import { eventsSince } from "../../../server/events/store";
import { announceGlossaryChange } from "../../../server/glossary/live";
import { entryHistory, entryVersionAt, EntryEditError, getEntryRecord, importEntries, saveEntry } from "../../../server/glossary/store";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const chip = (): TermEntry => ({
  id: "chip",
  langs: {
    fr: { notes: [], terms: [{ text: "puce", status: "preferred" }, { text: "jeton", status: "deprecated" }] },
    en: { notes: [], terms: [{ text: "chip", status: "preferred" }] },
  },
});
const wafer = (): TermEntry => ({
  id: "wafer",
  langs: { fr: { notes: [], terms: [{ text: "plaquette", status: "preferred" }] }, en: { notes: [], terms: [{ text: "wafer", status: "preferred" }] } },
});
const docOf = (slug: string, fr: string[]): DocumentSource => ({
  slug,
  meta: {
    title: { fr: fr[0], en: fr[0] },
    languages: { source: "fr", target: "en" },
    provenance: { fr: { kind: "machine-translation", engine: null }, en: { kind: "human" } },
    licence: "CC0",
  },
  fr,
  en: fr.map((p) => `EN ${p}`),
});
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => {
      if (!(e instanceof EntryEditError)) throw e;
      return e;
    },
  );

function suite(engine: Engine) {
  let db: Db;
  afterEach(async () => db?.close());

  it("two terminologists editing the same version: the second gets a version conflict, the first's edit stays", async () => {
    db = await freshDatabase(engine);
    await importEntries(db.kysely, "base.tbx", [chip()]);
    const { version } = (await getEntryRecord(db.kysely, "chip"))!;
    const mine = chip();
    mine.langs.fr!.terms.push({ text: "microprocesseur", status: "admitted" });
    const theirs = chip();
    theirs.langs.en!.terms.push({ text: "microchip", status: "admitted" });
    await saveEntry(db.kysely, mine, "ada", false, { version });
    const late = await refusal(saveEntry(db.kysely, theirs, "bea", false, { version }));
    expect(late).toMatchObject({ code: "versionConflict", params: { version: version + 1, by: "ada" } });
    expect(await getEntryRecord(db.kysely, "chip")).toEqual({ entry: mine, version: version + 1 });
  });

  it("edits racing from the same version: exactly one wins", async () => {
    db = await freshDatabase(engine);
    await importEntries(db.kysely, "base.tbx", [chip()]);
    const { version } = (await getEntryRecord(db.kysely, "chip"))!;
    const edits = ["a", "b", "c", "d"].map((n) => ({ ...chip(), note: `edit ${n}` }));
    const outcomes = await Promise.all(edits.map((e, i) => refusal(saveEntry(db.kysely, e, `t${i}`, false, { version }))));
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    expect(outcomes.filter((o) => o?.code === "versionConflict")).toHaveLength(3);
    const stored = (await getEntryRecord(db.kysely, "chip"))!;
    expect(stored.version).toBe(version + 1);
    expect(edits.map((e) => e.note)).toContain(stored.entry.note);
    expect((await entryHistory(db.kysely, "chip")).filter((h) => h.action === "edit")).toHaveLength(1);
  });

  it("keeps a preferred term per language unless the terminologist confirms", async () => {
    db = await freshDatabase(engine);
    await importEntries(db.kysely, "base.tbx", [chip()]);
    const deprecated = chip();
    deprecated.langs.fr!.terms[0].status = "deprecated";
    expect(await refusal(saveEntry(db.kysely, deprecated, "ada", false))).toMatchObject({ code: "noPreferredTerm", params: { langs: ["fr"] } });
    expect((await getEntryRecord(db.kysely, "chip"))!.entry).toEqual(chip());
    await saveEntry(db.kysely, deprecated, "ada", false, { allowNoPreferred: true });
    expect((await getEntryRecord(db.kysely, "chip"))!.entry).toEqual(deprecated);
  });

  it("restores an earlier version as a new change in the history", async () => {
    db = await freshDatabase(engine);
    await importEntries(db.kysely, "base.tbx", [chip()]);
    const edited = { ...chip(), note: "Edited." };
    await saveEntry(db.kysely, edited, "ada", false, { version: 1 });
    const history = await entryHistory(db.kysely, "chip");
    const imported = history.find((h) => h.action === "import")!;
    const old = (await entryVersionAt(db.kysely, "chip", imported.id))!;
    expect(old).toEqual(chip());
    await saveEntry(db.kysely, old, "bea", false, { version: 2, action: "restore" });
    expect(await getEntryRecord(db.kysely, "chip")).toEqual({ entry: chip(), version: 3 });
    expect((await entryHistory(db.kysely, "chip")).map((h) => `${h.action}:${h.actor}`)).toEqual(["restore:bea", "edit:ada", "import:import"]);
    expect(await entryVersionAt(db.kysely, "wafer", imported.id)).toBeNull();
  });

  it("an import is a live event for the documents that use the terms it changed, and only those", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, docOf("puces", ["Les puces", "Le prix des jetons monte."]));
    await importDocument(db.kysely, docOf("autre", ["Autre chose", "Rien à voir ici."]));
    await importDocument(db.kysely, docOf("plaquettes", ["Plaquettes", "Une plaquette de silicium."]));
    await importEntries(db.kysely, "base.tbx", [chip(), wafer()]);
    const ids = Object.fromEntries((await db.kysely.selectFrom("documents").select(["id", "slug"]).execute()).map((d) => [d.slug, d.id]));
    const changed: TermEntry[] = [];
    const updated = { ...chip(), note: "From the new file." };
    expect(await importEntries(db.kysely, "base.tbx", [updated, wafer()], "import", changed)).toMatchObject({ updated: 1, unchanged: 1 });
    expect(changed).toEqual([chip(), updated]);
    expect(await announceGlossaryChange(db, changed)).toEqual([ids.puces]);
    const events = await eventsSince(db.kysely, ids.puces, 0);
    expect(events.map((e) => [e.type, e.data])).toEqual([["glossary.changed", { entries: ["chip"] }]]);
    expect(await eventsSince(db.kysely, ids.autre, 0)).toEqual([]);
    expect(await eventsSince(db.kysely, ids.plaquettes, 0)).toEqual([]);
    // A term that only the old version had still concerns the documents that use it.
    const renamed: TermEntry = { ...chip(), langs: { ...chip().langs, fr: { notes: [], terms: [{ text: "puce", status: "preferred" }] } } };
    expect(await announceGlossaryChange(db, [chip(), renamed])).toEqual([ids.puces]);
  });
}

describe("glossary edit integrity on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("glossary edit integrity on PostgreSQL", () => suite("postgres"));
