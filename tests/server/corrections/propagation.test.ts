import { afterEach, describe, expect, it } from "vitest";
import type { DocumentSource } from "../../../lib/corpus/document";
import { draftToFixes } from "../../../lib/corrections/draft";
import { PROPOSER } from "../../../lib/corrections/proposal";
import { MAX_RECURRENCES } from "../../../lib/corrections/recurrence";
import { importDocument } from "../../../server/corpus/import";
import { listSuggestions } from "../../../server/corrections/views";
import { accept, suggest } from "../../../server/corrections/workflow";
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
const source = (slug: string, fr: string[]): DocumentSource => ({ slug, meta, fr, en: fr.map((p) => `EN ${p}`) });
const alice = { id: null, name: "alice" } as const;
const bob = { id: null, name: "bob" } as const;

async function documentId(db: Db, slug: string) {
  return (await db.kysely.selectFrom("documents").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
}

/// Suggests `draft` for paragraph `position` of `slug` as alice, and accepts it as bob.
async function fixAndAccept(db: Db, slug: string, position: number, draft: (text: string) => string, category = "accuracy/mistranslation") {
  const doc = await documentId(db, slug);
  const p = await db.kysely.selectFrom("paragraphs").selectAll().where("document_id", "=", doc).where("lang", "=", "fr").where("position", "=", position).executeTakeFirstOrThrow();
  const { value } = await suggest(db, { documentId: doc, paragraphId: p.id, baseRevision: p.revision, fixes: draftToFixes(p.text, draft(p.text)), category, severity: "major", author: alice });
  const out = await accept(db, { documentId: doc, suggestionId: value[0].id, actor: bob });
  return { doc, fix: value[0], out };
}

function suite(engine: Engine) {
  let db: Db;
  afterEach(async () => {
    await db?.close();
  });

  it("offers the same fix in several places as one proposal, proposed by the app and credited to the fix's author", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, source("un", ["Un", "Ils ont commis l'écart de performance.", "Eux aussi ont commis l'écart.", "Rien ici."]));
    await importDocument(db.kysely, source("deux", ["Deux", "Elles ont commis l'écart hier.", "Ils ont commis l'écart encore."]));
    const { doc, fix, out } = await fixAndAccept(db, "un", 1, (t) => t.replace("commis", "comblé"));
    expect(out.value.proposal).toEqual({ fix: fix.id, count: 3 });
    expect(out.value.propagated.map((p) => [p.paragraph, p.deleted, p.inserted])).toEqual([
      [2, "commis", "comblé"],
      [1, "commis", "comblé"],
      [2, "commis", "comblé"],
    ]);
    expect(out.documents.sort()).toEqual([doc, await documentId(db, "deux")].sort());
    const places = (await listSuggestions(db.kysely, doc)).filter((s) => s.sameFixAs === fix.id);
    expect(places.map((s) => [s.paragraph, s.author, s.sameFixBy, s.status])).toEqual([[2, PROPOSER, "alice", "open"]]);
    // Each stream hears one summary: the shared fields once and its own places, not full suggestions.
    const events = await eventsSince(db.kysely, doc, 0);
    expect(events.map((e) => e.type)).toEqual(["suggestions.created", "suggestion.accepted", "proposal.created"]);
    const summary = events[2].data as { fix: number; credit: string; total: number; places: Record<string, unknown>[] };
    expect(summary).toMatchObject({ fix: fix.id, credit: "alice", total: 3 });
    expect(summary.places).toEqual([{ id: places[0].id, paragraphId: places[0].paragraphId, paragraph: 2, revision: 1, start: places[0].start, end: places[0].end, deleted: "commis", inserted: "comblé" }]);
    const other = await eventsSince(db.kysely, await documentId(db, "deux"), 0);
    expect(other.map((e) => [e.type, (e.data as { places: unknown[] }).places.length])).toEqual([["proposal.created", 2]]);
  });

  it("takes a proposal place by place: accepting one place changes that paragraph only and proposes nothing new", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, source("un", ["Un", "Ils ont commis l'écart.", "Eux ont commis l'écart.", "Nous avons commis l'écart."]));
    const { doc } = await fixAndAccept(db, "un", 1, (t) => t.replace("commis", "comblé"));
    const [first, second] = (await listSuggestions(db.kysely, doc)).filter((s) => s.status === "open");
    const out = await accept(db, { documentId: doc, suggestionId: first.id, actor: bob });
    expect(out.value.proposal.count).toBe(0);
    const after = await listSuggestions(db.kysely, doc);
    expect(after.filter((s) => s.status === "open").map((s) => s.id)).toEqual([second.id]);
    const texts = await db.kysely.selectFrom("paragraphs").select("text").where("document_id", "=", doc).where("lang", "=", "fr").orderBy("position").execute();
    expect(texts.map((t) => t.text)).toEqual(["Un", "Ils ont comblé l'écart.", "Eux ont comblé l'écart.", "Nous avons commis l'écart."]);
  });

  it("never propagates frequent function words alone: an article inserted before a paragraph's first word", async () => {
    db = await freshDatabase(engine);
    const fr = ["Titre", ...Array.from({ length: 30 }, (_, i) => `Les modèles numéro ${i} sont prêts.`)];
    await importDocument(db.kysely, source("un", fr));
    const { doc, out } = await fixAndAccept(db, "un", 1, (t) => `Tous ${t}`, "accuracy/omission");
    expect(out.value.proposal).toMatchObject({ count: 0, skipped: "functionWords" });
    const third = await fixAndAccept(db, "un", 3, (t) => `Ici, ${t}`, "accuracy/omission");
    expect(third.out.value.proposal).toMatchObject({ count: 0, skipped: "functionWords" });
    expect((await listSuggestions(db.kysely, doc)).filter((s) => s.status === "open")).toEqual([]);
  });

  it(`offers nothing when the wrong text stands in more than ${MAX_RECURRENCES} places, and every place up to that`, async () => {
    db = await freshDatabase(engine);
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `Le rapport ${i} a commis l'écart.`);
    await importDocument(db.kysely, source("beaucoup", ["Beaucoup", ...lines(MAX_RECURRENCES + 1), "Ils ont commis l'écart."]));
    const many = await fixAndAccept(db, "beaucoup", MAX_RECURRENCES + 1, (t) => t.replace("commis", "comblé"));
    expect(many.out.value.proposal).toEqual({ fix: many.fix.id, count: 0, skipped: "tooMany", found: MAX_RECURRENCES + 1 });
    await importDocument(db.kysely, source("assez", ["Assez", ...lines(MAX_RECURRENCES).map((l) => l.replace("commis", "perdu")), "Ils ont perdu l'écart."]));
    const enough = await fixAndAccept(db, "assez", MAX_RECURRENCES + 1, (t) => t.replace("perdu", "comblé"));
    expect(enough.out.value.proposal.count).toBe(MAX_RECURRENCES);
    const event = (await eventsSince(db.kysely, enough.doc, 0)).find((e) => e.type === "proposal.created")!;
    // The summary of 100 places stays small (ids, offsets and the changed words).
    expect(JSON.stringify(event.data).length).toBeLessThan(20_000);
  });
}

describe("fix propagation on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("fix propagation on PostgreSQL", () => suite("postgres"));
