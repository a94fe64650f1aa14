/// A fix proposed twice, supporting the first instead, and a revert giving back what the reverted
/// change had overtaken.
import { afterEach, describe, expect, it } from "vitest";
import type { DocumentSource } from "../../../lib/corpus/document";
import { draftToFixes } from "../../../lib/corrections/draft";
import { importDocument } from "../../../server/corpus/import";
import { CorrectionError } from "../../../server/corrections/errors";
import { paragraphHistory } from "../../../server/corrections/history";
import { listSuggestions } from "../../../server/corrections/views";
import { accept, reject, revert, suggest, support } from "../../../server/corrections/workflow";
import { createUser } from "../../../server/auth/users";
import type { Db } from "../../../server/db/connection";
import { getDocument } from "../../../server/documents";
import { eventsSince } from "../../../server/events/store";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const FR = ["Essai", "Ils semblent avoir commis l'écart de performance avec les modèles."];
const doc: DocumentSource = {
  slug: "essai",
  meta: {
    title: { fr: "Essai", en: "Test" },
    languages: { source: "fr", target: "en" },
    provenance: { fr: { kind: "machine-translation", engine: null }, en: { kind: "human" } },
    licence: "CC0",
  },
  fr: FR,
  en: FR.map((p) => `EN ${p}`),
};

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => {
      if (!(e instanceof CorrectionError)) throw e;
      return e;
    },
  );

function suite(engine: Engine) {
  let db: Db;
  let documentId: number;
  afterEach(async () => db?.close());

  async function setup() {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, doc);
    documentId = (await db.kysely.selectFrom("documents").select("id").executeTakeFirstOrThrow()).id;
  }
  const paragraph = () =>
    db.kysely.selectFrom("paragraphs").selectAll().where("document_id", "=", documentId).where("lang", "=", "fr").where("position", "=", 1).executeTakeFirstOrThrow();
  const text = async () => (await getDocument(db.kysely, "essai"))!.rows[1].fr;
  async function propose(draft: (text: string) => string, name = "alice", baseRevision?: number, base?: string) {
    const p = await paragraph();
    const from = base ?? p.text;
    const out = await suggest(db, {
      documentId,
      paragraphId: p.id,
      baseRevision: baseRevision ?? p.revision,
      fixes: draftToFixes(from, draft(from)),
      category: "accuracy/mistranslation",
      severity: "major",
      author: { id: null, name },
    });
    return out.value[0];
  }
  const person = (name: string) => createUser(db.kysely, { name, password: "correct horse battery", role: "corrector" });

  it("refuses the same fix as an open suggestion, answering with that suggestion, and stores nothing", async () => {
    await setup();
    const first = await propose((t) => t.replace("commis", "comblé"));
    const before = await eventsSince(db.kysely, documentId, 0);
    const again = await failure(propose((t) => t.replace("commis", "comblé"), "bob"));
    expect(again).toMatchObject({ code: "duplicate", status: 409, params: { id: first.id, author: "alice" } });
    expect(again!.detail.suggestion).toMatchObject({ id: first.id, inserted: "comblé", author: "alice", status: "open" });
    expect((await listSuggestions(db.kysely, documentId)).map((s) => s.id)).toEqual([first.id]);
    expect(await eventsSince(db.kysely, documentId, 0)).toEqual(before);
    // Another fix of the same words is a competing suggestion, not a duplicate.
    expect((await propose((t) => t.replace("commis", "réduit"), "bob")).inserted).toBe("réduit");
  });

  it("recognises a duplicate made against an older revision, once mapped to the current text", async () => {
    await setup();
    const old = await paragraph();
    const moved = await propose((t) => t.replace("Ils semblent", "Ils paraissent"));
    const first = await propose((t) => t.replace("modèles", "grands modèles"));
    await accept(db, { documentId, suggestionId: moved.id, actor: { id: null, name: "rev" }, propagate: false });
    const again = await failure(propose((t) => t.replace("modèles", "grands modèles"), "bob", old.revision, old.text));
    expect(again).toMatchObject({ code: "duplicate", params: { id: first.id } });
  });

  it("allows the same fix again once the first one is no longer open", async () => {
    await setup();
    const first = await propose((t) => t.replace("commis", "comblé"));
    await reject(db, { documentId, suggestionId: first.id, actor: { id: null, name: "rev" }, reason: "Pas maintenant." });
    expect((await propose((t) => t.replace("commis", "comblé"), "bob")).id).not.toBe(first.id);
  });

  it("records supporters of an open suggestion once each, live, and refuses to support a decided one", async () => {
    await setup();
    const first = await propose((t) => t.replace("commis", "comblé"));
    const bob = await person("bob");
    const carol = await person("carol");
    const out = await support(db, { documentId, suggestionId: first.id, supporter: bob });
    expect(out.value.supporters).toEqual(["bob"]);
    expect(out.documents).toEqual([documentId]);
    expect((await support(db, { documentId, suggestionId: first.id, supporter: bob })).documents).toEqual([]);
    await support(db, { documentId, suggestionId: first.id, supporter: carol });
    expect((await listSuggestions(db.kysely, documentId))[0].supporters).toEqual(["bob", "carol"]);
    const events = (await eventsSince(db.kysely, documentId, 0)).filter((e) => e.type === "suggestion.supported");
    expect(events.map((e) => (e.data.suggestion as { supporters: string[] }).supporters)).toEqual([["bob"], ["bob", "carol"]]);
    await reject(db, { documentId, suggestionId: first.id, actor: { id: null, name: "rev" }, reason: "Non." });
    expect(await failure(support(db, { documentId, suggestionId: first.id, supporter: carol }))).toMatchObject({ code: "conflict" });
    expect(await failure(support(db, { documentId, suggestionId: 999999, supporter: carol }))).toMatchObject({ code: "unknownSuggestion" });
  });

  it("a revert reopens the suggestions the reverted change had overtaken, where their words stand again", async () => {
    await setup();
    const original = await propose((t) => t.replace("commis", "comblé"));
    const rival = await propose((t) => t.replace("commis", "réduit"), "bob");
    const rev = { id: null, name: "rev" } as const;
    await accept(db, { documentId, suggestionId: rival.id, actor: rev, propagate: false });
    expect((await listSuggestions(db.kysely, documentId)).find((s) => s.id === original.id)).toMatchObject({ status: "stale", staleBecause: rival.id });
    // A change elsewhere in the paragraph in between: the reopened suggestion must move with it.
    const earlier = await propose((t) => t.replace("semblent", "paraissaient"));
    await accept(db, { documentId, suggestionId: earlier.id, actor: rev, propagate: false });
    const history = (await paragraphHistory(db.kysely, documentId, 1))!;
    const accepted = history.revisions.find((r) => r.suggestionId === rival.id)!;
    const out = await revert(db, { documentId, revisionId: accepted.id, actor: rev });
    const reopened = (await listSuggestions(db.kysely, documentId)).find((s) => s.id === original.id)!;
    expect(reopened).toMatchObject({ status: "open", staleBecause: null, baseRevision: out.value.revision });
    expect(out.value.text.slice(reopened.start, reopened.end)).toBe("commis");
    const event = (await eventsSince(db.kysely, documentId, 0)).at(-1)!;
    expect(event.type).toBe("revision.reverted");
    expect((event.data.reopened as { id: number }[]).map((s) => s.id)).toEqual([original.id]);
    await accept(db, { documentId, suggestionId: original.id, actor: rev, propagate: false });
    expect(await text()).toBe("Ils paraissaient avoir comblé l'écart de performance avec les modèles.");
  });

  it("leaves an overtaken suggestion stale when part of its words changed since", async () => {
    await setup();
    // One fix over two words ("avoir commis" → "ont comblé"), as an editor may send it.
    const p = await paragraph();
    const at = p.text.indexOf("avoir commis");
    const [a] = (
      await suggest(db, {
        documentId,
        paragraphId: p.id,
        baseRevision: p.revision,
        fixes: [{ start: at, end: at + "avoir commis".length, deleted: "avoir commis", inserted: "ont comblé" }],
        category: "fluency/grammar",
        severity: "minor",
        author: { id: null, name: "alice" },
      })
    ).value;
    const b = await propose((t) => t.replace("commis", "réduit"), "bob");
    const rev = { id: null, name: "rev" } as const;
    await accept(db, { documentId, suggestionId: b.id, actor: rev, propagate: false });
    // "avoir" changes too: a's words no longer stand as they were.
    const c = await propose((t) => t.replace("avoir réduit", "a réduit"));
    await accept(db, { documentId, suggestionId: c.id, actor: rev, propagate: false });
    const history = (await paragraphHistory(db.kysely, documentId, 1))!;
    const revB = history.revisions.find((r) => r.suggestionId === b.id)!;
    await revert(db, { documentId, revisionId: revB.id, actor: rev });
    expect(await text()).toBe("Ils semblent a commis l'écart de performance avec les modèles.");
    expect((await listSuggestions(db.kysely, documentId)).find((s) => s.id === a.id)).toMatchObject({ status: "stale", staleBecause: b.id });
  });
}

describe("duplicate suggestions and reopening on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("duplicate suggestions and reopening on PostgreSQL", () => suite("postgres"));
