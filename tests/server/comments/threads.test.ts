/// Comment threads on any words, French or English, on SQLite and PostgreSQL: opened, answered,
/// resolved and reopened; moved by accepted changes and reverts, stale when their words are
/// replaced; mentions and replies notify; permissions and bad input refused with nothing stored.
import { afterEach, describe, expect, it } from "vitest";
import type { DocumentSource } from "../../../lib/corpus/document";
import { notificationHref } from "../../../lib/notifications/view";
import { createUser } from "../../../server/auth/users";
import { openThreadItems } from "../../../server/comments/todo";
import { createThread, replyToThread, setThreadResolved } from "../../../server/comments/threads";
import { listThreads } from "../../../server/comments/views";
import { importDocument } from "../../../server/corpus/import";
import { accept, revert, suggest } from "../../../server/corrections/workflow";
import type { Db } from "../../../server/db/connection";
import { eventsSince } from "../../../server/events/store";
import { listNotifications } from "../../../server/notifications/store";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const meta = {
  title: { fr: "Essai", en: "Test" },
  languages: { source: "fr" as const, target: "en" as const },
  provenance: { fr: { kind: "machine-translation" as const, engine: null }, en: { kind: "human" as const } },
  licence: "CC0",
};
const FR = ["Essai", "Ils semblent avoir commis l'écart de performance.", "Une autre phrase ici."];
const EN = ["Test", "They appear to have closed the performance gap.", "Another sentence here."];
const doc: DocumentSource = { slug: "essai", meta, fr: FR, en: EN };
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
    const [cora, rev, tess] = await Promise.all(
      (["cora", "rev", "tess"] as const).map((name, i) => createUser(db.kysely, { name, password: PASSWORD, role: ["corrector", "reviewer", "corrector"][i] })),
    );
    const para = (lang: "fr" | "en", position: number) =>
      db.kysely.selectFrom("paragraphs").selectAll().where("lang", "=", lang).where("position", "=", position).executeTakeFirstOrThrow();
    return { documentId, cora, rev, tess, fr: await para("fr", 1), en: await para("en", 1), para };
  }

  /// Opens a thread on `words` (standing once) of a paragraph.
  async function open(documentId: number, p: { id: number; text: string; revision: number }, words: string, author: { id: number; name: string }, text = "À revoir.") {
    const start = p.text.indexOf(words);
    const out = await createThread(db, { documentId, paragraphId: p.id, revision: p.revision, start, end: start + words.length, quote: words, text, author });
    return out.value;
  }

  /// Suggests and accepts replacing `from` by `to` in the French paragraph; returns the revision row.
  async function acceptFix(documentId: number, p: { id: number; text: string; revision: number }, from: string, to: string, author: { id: number; name: string }, reviewer: { id: number; name: string }) {
    const start = p.text.indexOf(from);
    const s = await suggest(db, {
      documentId,
      paragraphId: p.id,
      baseRevision: p.revision,
      fixes: [{ start, end: start + from.length, deleted: from, inserted: to }],
      category: "style",
      severity: "minor",
      author,
    });
    await accept(db, { documentId, suggestionId: s.value[0].id, actor: reviewer, propagate: false });
    return db.kysely.selectFrom("revisions").selectAll().where("suggestion_id", "=", s.value[0].id).executeTakeFirstOrThrow();
  }

  const textAt = async (paragraphId: number, t: { start: number; end: number }) =>
    (await db.kysely.selectFrom("paragraphs").select("text").where("id", "=", paragraphId).executeTakeFirstOrThrow()).text.slice(t.start, t.end);

  it("opens threads on French and English words, with their first comment, and tells viewers", async () => {
    const { documentId, cora, fr, en } = await setup();
    const a = await open(documentId, fr, "l'écart", cora);
    const b = await open(documentId, en, "performance gap", cora, "Compare with the French.");
    expect(a).toMatchObject({ lang: "fr", position: 1, quote: "l'écart", stale: false, resolved: null, author: "cora", comments: [{ author: "cora", text: "À revoir." }] });
    expect(b).toMatchObject({ lang: "en", position: 1, quote: "performance gap", start: EN[1].indexOf("performance gap") });
    expect((await listThreads(db.kysely, documentId, { paragraphIds: [en.id] })).map((t) => t.id)).toEqual([b.id]);
    const events = (await eventsSince(db.kysely, documentId, 0)).filter((e) => e.type === "threads.changed");
    expect(events.map((e) => (e.data.threads as { id: number }[])[0].id)).toEqual([a.id, b.id]);
  });

  it("moves a French thread after an accepted change, keeps one before it, and makes one on the replaced words stale", async () => {
    const { documentId, cora, rev, fr, en } = await setup();
    const before = await open(documentId, fr, "Ils semblent", cora);
    const after = await open(documentId, fr, "performance", cora);
    const onIt = await open(documentId, fr, "commis", cora);
    const english = await open(documentId, en, "performance gap", cora);
    await acceptFix(documentId, fr, "commis", "comblé davantage", cora, rev);
    const byId = new Map((await listThreads(db.kysely, documentId)).map((t) => [t.id, t]));
    expect(await textAt(fr.id, byId.get(before.id)!)).toBe("Ils semblent");
    expect(byId.get(after.id)!.start).toBe(after.start + "comblé davantage".length - "commis".length);
    expect(await textAt(fr.id, byId.get(after.id)!)).toBe("performance");
    expect(byId.get(after.id)!.revision).toBe(fr.revision + 1);
    expect(byId.get(onIt.id)).toMatchObject({ stale: true, quote: "commis" });
    expect(byId.get(english.id)).toMatchObject({ stale: false, start: english.start, end: english.end });
    const moved = (await eventsSince(db.kysely, documentId, 0)).filter((e) => e.type === "threads.changed").at(-1)!;
    expect((moved.data.threads as { id: number }[]).map((t) => t.id).sort()).toEqual([before.id, after.id, onIt.id].sort());
  });

  it("follows a revert: shifted back, and anchored again on the words the reverted change had replaced", async () => {
    const { documentId, cora, rev, fr } = await setup();
    const after = await open(documentId, fr, "performance", cora);
    const onIt = await open(documentId, fr, "commis", cora);
    const r = await acceptFix(documentId, fr, "commis", "comblé", cora, rev);
    await revert(db, { documentId, revisionId: r.id, actor: rev });
    const byId = new Map((await listThreads(db.kysely, documentId)).map((t) => [t.id, t]));
    expect(byId.get(after.id)).toMatchObject({ start: after.start, end: after.end, stale: false, revision: fr.revision + 2 });
    expect(byId.get(onIt.id)).toMatchObject({ start: onIt.start, end: onIt.end, stale: false, revision: fr.revision + 2 });
    expect(await textAt(fr.id, byId.get(onIt.id)!)).toBe("commis");
  });

  it("maps a selection made on an older revision, and refuses one whose words changed since", async () => {
    const { documentId, cora, rev, fr } = await setup();
    await acceptFix(documentId, fr, "Ils", "Elles", cora, rev);
    const start = fr.text.indexOf("performance");
    const t = await createThread(db, { documentId, paragraphId: fr.id, revision: fr.revision, start, end: start + 11, quote: "performance", text: "x", author: cora });
    expect(t.value).toMatchObject({ start: start + 2, revision: fr.revision + 1 });
    await expect(createThread(db, { documentId, paragraphId: fr.id, revision: fr.revision, start: 0, end: 3, quote: "Ils", text: "x", author: cora })).rejects.toMatchObject({
      code: "paragraphChanged",
    });
  });

  it("answers, resolves and reopens; a stale thread can still be answered", async () => {
    const { documentId, cora, rev, tess, fr } = await setup();
    const t = await open(documentId, fr, "commis", cora);
    await acceptFix(documentId, fr, "commis", "comblé", tess, rev);
    const answered = await replyToThread(db, { documentId, threadId: t.id, author: rev, text: "Corrigé." });
    expect(answered.value).toMatchObject({ stale: true, comments: [{ author: "cora" }, { author: "rev", text: "Corrigé." }] });
    const resolved = await setThreadResolved(db, { documentId, threadId: t.id, resolved: true, actor: rev });
    expect(resolved.value.resolved).toMatchObject({ by: "rev" });
    expect((await setThreadResolved(db, { documentId, threadId: t.id, resolved: true, actor: rev })).documents).toEqual([]);
    expect(await openThreadItems(db.kysely, documentId)).toEqual([]);
    const reopened = await setThreadResolved(db, { documentId, threadId: t.id, resolved: false, actor: cora });
    expect(reopened.value.resolved).toBeNull();
    expect(await openThreadItems(db.kysely, documentId)).toEqual([
      { kind: "thread", id: t.id, paragraphId: fr.id, position: 1, lang: "fr", author: "cora", createdAt: t.createdAt, status: "stale", mentions: [], excerpt: "commis" },
    ]);
  });

  it("lets only the author, reviewers and admins resolve", async () => {
    const { documentId, cora, tess, fr } = await setup();
    const t = await open(documentId, fr, "commis", cora);
    await expect(setThreadResolved(db, { documentId, threadId: t.id, resolved: true, actor: tess })).rejects.toMatchObject({ code: "threadForbidden", status: 403 });
    expect((await listThreads(db.kysely, documentId))[0].resolved).toBeNull();
    expect((await setThreadResolved(db, { documentId, threadId: t.id, resolved: true, actor: cora })).value.resolved).toMatchObject({ by: "cora" });
  });

  it("notifies mentions and the others in the thread, linking to the thread", async () => {
    const { documentId, cora, rev, tess, en } = await setup();
    const t = await open(documentId, en, "performance gap", cora, "What do you think @rev?");
    const [n] = await listNotifications(db.kysely, rev.id);
    expect(n).toMatchObject({ kind: "mention", actor: "cora", threadId: t.id, suggestionId: null, paragraph: null });
    expect(notificationHref(n)).toBe(`/documents/essai#t-${t.id}`);
    await replyToThread(db, { documentId, threadId: t.id, author: rev, text: "Ask @tess." });
    expect((await listNotifications(db.kysely, cora.id)).map((x) => x.kind)).toEqual(["reply"]);
    expect((await listNotifications(db.kysely, tess.id)).map((x) => x.kind)).toEqual(["mention"]);
    await replyToThread(db, { documentId, threadId: t.id, author: tess, text: "Fine." });
    expect((await listNotifications(db.kysely, cora.id)).map((x) => x.kind)).toEqual(["reply", "reply"]);
    expect((await listNotifications(db.kysely, rev.id)).map((x) => x.kind)).toEqual(["reply", "mention"]);
    expect((await listNotifications(db.kysely, tess.id)).map((x) => x.kind)).toEqual(["mention"]);
    expect((await openThreadItems(db.kysely, documentId))[0].mentions).toEqual(["rev", "tess"]);
  });

  it("refuses bad anchors and empty comments, storing nothing", async () => {
    const { documentId, cora, fr, en } = await setup();
    const base = { documentId, paragraphId: fr.id, revision: fr.revision, text: "x", author: cora };
    await expect(createThread(db, { ...base, start: 0, end: 3, quote: "Xyz" })).rejects.toMatchObject({ code: "badAnchor", status: 400 });
    await expect(createThread(db, { ...base, start: 3, end: 3, quote: "" })).rejects.toMatchObject({ code: "badAnchor" });
    await expect(createThread(db, { ...base, start: 0, end: 999, quote: fr.text })).rejects.toMatchObject({ code: "badAnchor" });
    await expect(createThread(db, { ...base, start: 0, end: 3, quote: "Ils", text: "   " })).rejects.toMatchObject({ code: "emptyChange" });
    await expect(createThread(db, { ...base, paragraphId: 9999, start: 0, end: 3, quote: "Ils" })).rejects.toMatchObject({ code: "unknownParagraph", status: 404 });
    await expect(createThread(db, { ...base, revision: 7, start: 0, end: 3, quote: "Ils" })).rejects.toMatchObject({ code: "paragraphChanged" });
    await expect(createThread(db, { ...base, paragraphId: en.id, revision: 1, start: 0, end: 4, quote: "They", documentId: documentId + 1 })).rejects.toMatchObject({
      code: "unknownParagraph",
    });
    await expect(replyToThread(db, { documentId, threadId: 42, author: cora, text: "x" })).rejects.toMatchObject({ code: "unknownThread", status: 404 });
    expect(await db.kysely.selectFrom("threads").select("id").execute()).toEqual([]);
    expect(await db.kysely.selectFrom("thread_comments").select("id").execute()).toEqual([]);
  });

  it("makes the threads of a re-imported, changed paragraph stale", async () => {
    const { documentId, cora, en } = await setup();
    const t = await open(documentId, en, "performance gap", cora);
    await importDocument(db.kysely, { ...doc, en: [EN[0], "They appear to have narrowed the gap in performance.", EN[2]] });
    expect((await listThreads(db.kysely, documentId, { ids: [t.id] }))[0]).toMatchObject({ stale: true, quote: "performance gap" });
  });
}

describe("comment threads on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("comment threads on PostgreSQL", () => suite("postgres"));
