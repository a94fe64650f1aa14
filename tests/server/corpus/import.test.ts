import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DocumentSource } from "../../../lib/corpus/document";
import { importDocument } from "../../../server/corpus/import";
import type { Db } from "../../../server/db/connection";
import { migrateToLatest } from "../../../server/db/migrations";
import { getDocument, listDocuments } from "../../../server/documents";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const meta = {
  title: { fr: "Titre", en: "Title" },
  languages: { source: "fr" as const, target: "en" as const },
  provenance: { fr: { kind: "machine-translation" as const, engine: null }, en: { kind: "human" as const } },
  licence: "CC BY 4.0",
};
const doc = (fr: string[], en: string[] = fr.map((p) => `EN ${p}`), m = meta): DocumentSource => ({ slug: "essai", meta: m, fr, en });

async function paragraphRows(db: Db) {
  return db.kysely.selectFrom("paragraphs").select(["id", "lang", "position", "text", "original", "revision", "removed"]).orderBy("id").execute();
}

function suite(engine: Engine) {
  let db: Db;
  afterEach(async () => {
    await db?.close();
  });

  it("creates a document with aligned paragraphs", async () => {
    db = await freshDatabase(engine);
    const result = await importDocument(db.kysely, doc(["Titre", "Un.", "Deux."]));
    expect(result).toEqual({ slug: "essai", status: "created", paragraphs: 3, alignment: null });
    const view = await getDocument(db.kysely, "essai");
    expect(view?.rows.map((r) => [r.position, r.fr, r.en])).toEqual([
      [0, "Titre", "EN Titre"],
      [1, "Un.", "EN Un."],
      [2, "Deux.", "EN Deux."],
    ]);
    expect(await listDocuments(db.kysely)).toEqual([
      { slug: "essai", title: { fr: "Titre", en: "Title" }, sourceLang: "fr", targetLang: "en", paragraphs: 3 },
    ]);
  });

  it("changes nothing when the same document is imported again", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, doc(["Titre", "Un."]));
    const before = await paragraphRows(db);
    const docBefore = await db.kysely.selectFrom("documents").selectAll().execute();
    expect((await importDocument(db.kysely, doc(["Titre", "Un."]))).status).toBe("unchanged");
    expect(await paragraphRows(db)).toEqual(before);
    expect(await db.kysely.selectFrom("documents").selectAll().execute()).toEqual(docBefore);
  });

  it("updates a changed document in place, keeping paragraph ids and saying what changed", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, doc(["Titre", "Un.", "Deux.", "Trois."]));
    const before = await paragraphRows(db);
    const result = await importDocument(db.kysely, doc(["Titre", "Un bis.", "Deux."], ["EN Titre", "EN Un.", "EN Deux."]));
    expect(result).toMatchObject({
      status: "updated",
      fr: { changed: [1], added: [], removed: [3] },
      en: { changed: [], added: [], removed: [3] },
      metaChanged: false,
    });
    const after = await paragraphRows(db);
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    const fr1 = after.find((r) => r.lang === "fr" && r.position === 1)!;
    expect(fr1).toMatchObject({ text: "Un bis.", original: "Un bis.", revision: 2 });
    // The vanished lines' paragraphs are kept, marked removed (with their history).
    expect(after.filter((r) => r.removed === 1).map((r) => [r.lang, r.original])).toEqual([
      ["fr", "Trois."],
      ["en", "EN Trois."],
    ]);
    expect((await getDocument(db.kysely, "essai"))?.rows.length).toBe(3);
  });

  it("keeps each paragraph with its text when a line is inserted or removed in the middle", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, doc(["Titre", "Un.", "Deux.", "Trois."]));
    const ids = async () =>
      Object.fromEntries(
        (await db.kysely.selectFrom("paragraphs").select(["id", "original"]).where("lang", "=", "fr").where("removed", "=", 0).execute()).map((r) => [r.original, r.id]),
      );
    const before = await ids();
    const inserted = await importDocument(db.kysely, doc(["Titre", "Un.", "Un et demi.", "Deux.", "Trois."]));
    expect(inserted).toMatchObject({ status: "updated", fr: { changed: [], added: [2], removed: [] } });
    const after = await ids();
    for (const text of ["Titre", "Un.", "Deux.", "Trois."]) expect(after[text], text).toBe(before[text]);
    expect((await getDocument(db.kysely, "essai"))?.rows.map((r) => r.fr)).toEqual(["Titre", "Un.", "Un et demi.", "Deux.", "Trois."]);
    // Nothing but the new line changed: no paragraph got a new revision.
    expect(new Set((await paragraphRows(db)).filter((r) => r.removed === 0).map((r) => r.revision))).toEqual(new Set([1]));
    const removed = await importDocument(db.kysely, doc(["Titre", "Un et demi.", "Deux.", "Trois."]));
    expect(removed).toMatchObject({ fr: { changed: [], added: [], removed: [1] } });
    expect((await ids())["Deux."]).toBe(before["Deux."]);
    expect((await getDocument(db.kysely, "essai"))?.rows.map((r) => r.position)).toEqual([0, 1, 2, 3]);
  });

  it("records a change of metadata alone", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, doc(["Titre"]));
    const result = await importDocument(db.kysely, doc(["Titre"], undefined, { ...meta, title: { fr: "Titre", en: "New title" } }));
    expect(result).toMatchObject({ status: "updated", metaChanged: true });
    expect((await listDocuments(db.kysely))[0].title.en).toBe("New title");
  });

  it("stores nothing when an import fails half way (one transaction)", async () => {
    db = await freshDatabase(engine);
    // The French rows are written, then an English paragraph the schema refuses (NOT NULL)
    // fails the import after the document row and the French rows were written.
    const spoiled = { ...doc(["Titre"]), en: [null as unknown as string] };
    await expect(importDocument(db.kysely, spoiled)).rejects.toThrow();
    expect(await listDocuments(db.kysely)).toEqual([]);
    expect(await paragraphRows(db)).toEqual([]);
  });

  it("runs migrations again without harm", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, doc(["Titre"]));
    await migrateToLatest(db);
    expect((await listDocuments(db.kysely)).length).toBe(1);
  });
}

describe("importDocument on SQLite", () => suite("sqlite"));

let pgUp = false;
beforeAll(async () => {
  pgUp = await postgresAvailable();
});
describeIfAvailable("PostgreSQL", await postgresAvailable())("importDocument on PostgreSQL", () => {
  it("has PostgreSQL to talk to", () => expect(pgUp).toBe(true));
  suite("postgres");
});
