/// A document's to-do list gathered on SQLite and PostgreSQL: open suggestions with their
/// threads' mentions, decided ones left out, filters, counts, pages, more sources; and the
/// imported text of corrected paragraphs for the "original" view.
import { afterEach, describe, expect, it } from "vitest";
import type { DocumentSource } from "../../../lib/corpus/document";
import type { TodoItem } from "../../../lib/todo/items";
import { createUser } from "../../../server/auth/users";
import { createThread, setThreadResolved } from "../../../server/comments/threads";
import { importDocument } from "../../../server/corpus/import";
import { changedOriginals } from "../../../server/corpus/originals";
import { accept, comment, reject, suggest } from "../../../server/corrections/workflow";
import type { Db } from "../../../server/db/connection";
import { documentTodo, openSuggestionItems, TODO_SOURCES } from "../../../server/todo";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const meta = {
  title: { fr: "Essai", en: "Test" },
  languages: { source: "fr" as const, target: "en" as const },
  provenance: { fr: { kind: "machine-translation" as const, engine: null }, en: { kind: "human" as const } },
  licence: "CC0",
};
const FR = ["Essai", "Ils semblent avoir commis l'écart de performance.", "Une autre phrase ici.", "Troisième paragraphe sans faute."];
const doc: DocumentSource = { slug: "essai", meta, fr: FR, en: FR.map((p) => `EN ${p}`) };
const PASSWORD = "correct horse battery staple";

function suite(engine: Engine) {
  let db: Db;
  afterEach(async () => {
    await db?.close();
  });

  async function setup() {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, doc);
    const documentId = (await db.kysely.selectFrom("documents").select("id").executeTakeFirstOrThrow()).id;
    const [cora, dan, rev] = await Promise.all(
      (["cora", "dan", "rev"] as const).map((name, i) => createUser(db.kysely, { name, password: PASSWORD, role: ["corrector", "corrector", "reviewer"][i] })),
    );
    const propose = async (position: number, word: string, inserted: string, author: { id: number; name: string }, severity = "minor", createdAt?: string) => {
      const p = await db.kysely.selectFrom("paragraphs").selectAll().where("lang", "=", "fr").where("position", "=", position).executeTakeFirstOrThrow();
      const start = p.text.indexOf(word);
      const out = await suggest(db, {
        documentId,
        paragraphId: p.id,
        baseRevision: p.revision,
        fixes: [{ start, end: start + word.length, deleted: word, inserted }],
        category: severity === "major" ? "accuracy/mistranslation" : "fluency/spelling",
        severity,
        author,
        createdAt,
      });
      return out.value[0].id;
    };
    const old = new Date(Date.now() - 10 * 86400_000).toISOString();
    const ids = {
      commis: await propose(1, "commis", "comblé", cora, "major"),
      autre: await propose(2, "autre", "Autre", dan, "minor", old),
      ici: await propose(2, "ici", "là", cora),
      faute: await propose(3, "faute", "erreur", dan),
    };
    const author = (u: { id: number; name: string }) => ({ id: u.id, name: u.name });
    await comment(db, { documentId, suggestionId: ids.ici, author: author(rev), text: "Pourquoi @cora ? @dan, un avis ?" });
    await comment(db, { documentId, suggestionId: ids.ici, author: author(cora), text: "Voir @rev." });
    return { documentId, cora, dan, rev, ids, author };
  }

  it("lists every open suggestion with its place, kind of error and the mentions of its thread", async () => {
    const { documentId, ids } = await setup();
    const items = await openSuggestionItems(db.kysely, documentId);
    expect(items).toHaveLength(4);
    const ici = items.find((i) => i.id === ids.ici)!;
    expect(ici).toMatchObject({ kind: "suggestion", position: 2, lang: "fr", author: "cora", category: "fluency/spelling", severity: "minor", status: "open", change: { deleted: "ici", inserted: "là" } });
    expect(ici.mentions.sort()).toEqual(["cora", "dan", "rev"]);
    expect(items.find((i) => i.id === ids.commis)!.mentions).toEqual([]);
  });

  it("leaves accepted and rejected suggestions out", async () => {
    const { documentId, ids, rev, author } = await setup();
    await accept(db, { documentId, suggestionId: ids.commis, actor: author(rev), propagate: false });
    await reject(db, { documentId, suggestionId: ids.faute, actor: author(rev), reason: "juste" });
    const page = await documentTodo(db.kysely, documentId, { filter: {}, me: "rev" });
    expect(page.items.map((i) => i.id)).toEqual([ids.autre, ids.ici]);
    expect(page.total).toBe(2);
  });

  it("filters, counts each filter value and pages in reading order", async () => {
    const { documentId, ids } = await setup();
    const all = await documentTodo(db.kysely, documentId, { filter: {}, me: "dan" });
    expect(all.items.map((i) => i.id)).toEqual([ids.commis, ids.autre, ids.ici, ids.faute]);
    expect(all.counts.facets.author).toEqual({ cora: 2, dan: 2 });
    expect(all.counts.facets.severity).toEqual({ major: 1, minor: 3 });
    expect(all.counts.facets.age).toEqual({ today: 3, older: 1 });
    expect(all.counts.mentionsMe).toBe(1);

    const cora = await documentTodo(db.kysely, documentId, { filter: { author: "cora", severity: "minor" }, me: "dan" });
    expect(cora.items.map((i) => i.id)).toEqual([ids.ici]);
    expect(cora.counts.facets.author).toEqual({ cora: 1, dan: 2 });

    const mine = await documentTodo(db.kysely, documentId, { filter: { mentionsMe: true }, me: "dan" });
    expect(mine.items.map((i) => i.id)).toEqual([ids.ici]);
    const old = await documentTodo(db.kysely, documentId, { filter: { age: "older" }, me: null });
    expect(old.items.map((i) => i.id)).toEqual([ids.autre]);

    const first = await documentTodo(db.kysely, documentId, { filter: {}, me: null, limit: 3 });
    expect(first).toMatchObject({ total: 4, from: 0, next: 3 });
    const second = await documentTodo(db.kysely, documentId, { filter: {}, me: null, from: 3, limit: 3 });
    expect(second.items.map((i) => i.id)).toEqual([ids.faute]);
    expect(second.next).toBeNull();
  });

  it("gathers items from any further source (comment threads on any text)", async () => {
    const { documentId, ids } = await setup();
    const thread: TodoItem = { kind: "thread", id: 7, paragraphId: 0, position: 1, lang: "en", author: "rev", createdAt: new Date().toISOString(), status: "open", mentions: ["cora"] };
    const page = await documentTodo(db.kysely, documentId, { filter: { mentionsMe: true }, me: "cora" }, [...TODO_SOURCES, async () => [thread]]);
    expect(page.items.map((i) => `${i.kind}:${i.id}`)).toEqual(["thread:7", `suggestion:${ids.ici}`]);
    expect(page.counts.facets.kind).toEqual({ suggestion: 1, thread: 1 });
  });

  it("lists the unresolved comment threads on any text beside the suggestions, by default", async () => {
    const { documentId, ids, rev, author } = await setup();
    const en = await db.kysely.selectFrom("paragraphs").selectAll().where("lang", "=", "en").where("position", "=", 2).executeTakeFirstOrThrow();
    const quote = "autre";
    const start = en.text.indexOf(quote);
    const thread = (await createThread(db, { documentId, paragraphId: en.id, revision: en.revision, start, end: start + quote.length, quote, text: "@dan, is this right?", author: author(rev) })).value;
    const page = await documentTodo(db.kysely, documentId, { filter: { mentionsMe: true }, me: "dan" });
    expect(page.items.map((i) => `${i.kind}:${i.id}`)).toEqual([`suggestion:${ids.ici}`, `thread:${thread.id}`]);
    expect(page.items[1]).toMatchObject({ lang: "en", position: 2, author: "rev", status: "open", excerpt: "autre" });
    await setThreadResolved(db, { documentId, threadId: thread.id, resolved: true, actor: { ...author(rev), role: "reviewer" } });
    expect((await documentTodo(db.kysely, documentId, { filter: { kind: "thread" }, me: null })).total).toBe(0);
  });

  it("gives the imported text of the paragraphs corrected since, and only those", async () => {
    const { documentId, ids, rev, author } = await setup();
    expect(await changedOriginals(db.kysely, documentId)).toEqual({});
    await accept(db, { documentId, suggestionId: ids.commis, actor: author(rev), propagate: false });
    expect(await changedOriginals(db.kysely, documentId)).toEqual({ 1: FR[1] });
  });
}

describe("to-do list on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("to-do list on PostgreSQL", () => suite("postgres"));
