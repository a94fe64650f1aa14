import { afterEach, describe, expect, it } from "vitest";
import type { DocumentSource } from "../../../lib/corpus/document";
import { findGrammalecte } from "../../../server/checks/grammalecte";
import { jobSettled, jobView } from "../../../server/checks/jobs";
import { documentRules, paragraphFlags, refreshFlags } from "../../../server/checks/store";
import { importDocument } from "../../../server/corpus/import";
import type { Db } from "../../../server/db/connection";
import { eventsSince } from "../../../server/events/store";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const meta = {
  title: { fr: "Essai", en: "Test" },
  languages: { source: "fr" as const, target: "en" as const },
  provenance: { fr: { kind: "machine-translation" as const, engine: null }, en: { kind: "human" as const } },
  licence: "CC0",
};
// Paragraph 1 has an agreement error Grammalecte finds ("Les enfant").
const doc: DocumentSource = {
  slug: "essai",
  meta,
  fr: ["Essai", "Les enfant sont partis à l'école ce matin.", "Une phrase correcte."],
  en: ["Test", "The children left for school this morning.", "A correct sentence."],
};

async function setup(engine: Engine) {
  const db = await freshDatabase(engine);
  await importDocument(db.kysely, doc);
  const { id } = await db.kysely.selectFrom("documents").select("id").where("slug", "=", "essai").executeTakeFirstOrThrow();
  return { db, documentId: id };
}

function suite(engine: Engine) {
  let db: Db;
  afterEach(async () => db?.close());

  it("runs Grammalecte in the background after the fast checks, storing its flags and its progress", async () => {
    const s = await setup(engine);
    db = s.db;
    await refreshFlags(db, s.documentId);
    await jobSettled(s.documentId);
    expect(await jobView(db.kysely, s.documentId)).toEqual({ engine: "grammalecte", status: "done", done: 3, total: 3 });
    const [p] = (await paragraphFlags(db.kysely, { documentId: s.documentId })).filter((x) => x.position === 1);
    const grammar = p.flags.filter((f) => f.engine === "grammalecte");
    expect(grammar.length).toBeGreaterThan(0);
    expect(grammar.some((f) => doc.fr[1].slice(f.start, f.end).includes("enfant"))).toBe(true);
    const types = (await eventsSince(db.kysely, s.documentId, 0)).map((e) => e.type);
    expect(types.filter((t) => t === "checks.job").length).toBeGreaterThanOrEqual(2);
    expect(types).toContain("flags.updated");
    // Nothing changed: nothing runs again.
    await refreshFlags(db, s.documentId);
    await jobSettled(s.documentId);
    expect((await eventsSince(db.kysely, s.documentId, 0)).length).toBe(types.length);
  });

  it("says Grammalecte is missing when it is, and keeps its rules off", async () => {
    const s = await setup(engine);
    db = s.db;
    const saved = process.env.GRAMMALECTE;
    process.env.GRAMMALECTE = "/nonexistent/grammalecte-cli";
    try {
      await refreshFlags(db, s.documentId);
      await jobSettled(s.documentId);
      expect((await jobView(db.kysely, s.documentId)).status).toBe("unavailable");
      const rules = await documentRules(db.kysely, s.documentId);
      expect(rules.filter((r) => r.engine === "grammalecte").every((r) => !r.enabled)).toBe(true);
      expect(rules.filter((r) => r.engine !== "grammalecte").some((r) => r.enabled)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.GRAMMALECTE;
      else process.env.GRAMMALECTE = saved;
    }
  });
}

const postgres = await postgresAvailable();
describeIfAvailable("grammalecte-cli", !!findGrammalecte())("Grammalecte job", () => {
  describe("on SQLite", () => suite("sqlite"));
  describeIfAvailable("PostgreSQL", postgres)("on PostgreSQL", () => suite("postgres"));
});
