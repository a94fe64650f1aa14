/// Notifications: a mention, a reply in a thread one took part in, and a decision on one's own
/// suggestion reach the person, on SQLite and PostgreSQL.
import { afterEach, describe, expect, it } from "vitest";
import type { DocumentSource } from "../../../lib/corpus/document";
import { notificationHref } from "../../../lib/notifications/view";
import { createUser } from "../../../server/auth/users";
import { importDocument } from "../../../server/corpus/import";
import { accept, comment, reject, suggest } from "../../../server/corrections/workflow";
import type { Db } from "../../../server/db/connection";
import { listNotifications, markRead, notificationState } from "../../../server/notifications/store";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const meta = {
  title: { fr: "Essai", en: "Test" },
  languages: { source: "fr" as const, target: "en" as const },
  provenance: { fr: { kind: "machine-translation" as const, engine: null }, en: { kind: "human" as const } },
  licence: "CC0",
};
const FR = ["Essai", "Ils semblent avoir commis l'écart de performance.", "Une autre phrase ici."];
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
    const [cora, rev, tess] = await Promise.all(
      (["cora", "rev", "tess"] as const).map((name, i) => createUser(db.kysely, { name, password: PASSWORD, role: ["corrector", "reviewer", "terminologist"][i] })),
    );
    const p = await db.kysely.selectFrom("paragraphs").selectAll().where("lang", "=", "fr").where("position", "=", 1).executeTakeFirstOrThrow();
    const start = p.text.indexOf("commis");
    const out = await suggest(db, {
      documentId,
      paragraphId: p.id,
      baseRevision: p.revision,
      fixes: [{ start, end: start + "commis".length, deleted: "commis", inserted: "comblé" }],
      category: "accuracy/mistranslation",
      severity: "major",
      author: { id: cora.id, name: cora.name },
    });
    return { documentId, cora, rev, tess, suggestionId: out.value[0].id };
  }

  /// A style fix of the third paragraph ("Une" → "La") by `author`; returns its id.
  async function styleFix(documentId: number, author: { id: number; name: string }): Promise<number> {
    const p = await db.kysely.selectFrom("paragraphs").selectAll().where("lang", "=", "fr").where("position", "=", 2).executeTakeFirstOrThrow();
    const out = await suggest(db, {
      documentId,
      paragraphId: p.id,
      baseRevision: p.revision,
      fixes: [{ start: 0, end: 3, deleted: "Une", inserted: "La" }],
      category: "style",
      severity: "minor",
      author,
    });
    return out.value[0].id;
  }

  it("tells a mentioned person, linking to the suggestion, and not the one who wrote", async () => {
    const { documentId, cora, rev, suggestionId } = await setup();
    await comment(db, { documentId, suggestionId, author: { id: rev.id, name: rev.name }, text: "Bien vu @cora, et @nobody aussi" });
    const [n] = await listNotifications(db.kysely, cora.id);
    expect(n).toMatchObject({ kind: "mention", actor: "rev", excerpt: "Bien vu @cora, et @nobody aussi", read: false, paragraph: 2, suggestionId });
    expect(notificationHref(n)).toBe(`/documents/essai#s-${suggestionId}`);
    expect(await listNotifications(db.kysely, rev.id)).toEqual([]);
  });

  it("tells everyone in the thread of a reply, once each, mentions first", async () => {
    const { documentId, cora, rev, tess, suggestionId } = await setup();
    await comment(db, { documentId, suggestionId, author: { id: tess.id, name: tess.name }, text: "Terme à vérifier." });
    // cora wrote the suggestion: she hears of tess's reply.
    expect((await listNotifications(db.kysely, cora.id)).map((n) => n.kind)).toEqual(["reply"]);
    await comment(db, { documentId, suggestionId, author: { id: rev.id, name: rev.name }, text: "D'accord avec @tess." });
    expect((await listNotifications(db.kysely, tess.id)).map((n) => n.kind)).toEqual(["mention"]);
    expect((await listNotifications(db.kysely, cora.id)).map((n) => n.kind)).toEqual(["reply", "reply"]);
    expect((await listNotifications(db.kysely, rev.id)).map((n) => n.kind)).toEqual([]);
  });

  it("tells the author when a reviewer accepts or rejects, with the reason", async () => {
    const { documentId, cora, rev, suggestionId } = await setup();
    await accept(db, { documentId, suggestionId, actor: { id: rev.id, name: rev.name }, propagate: false });
    const second = await styleFix(documentId, { id: cora.id, name: cora.name });
    await reject(db, { documentId, suggestionId: second, actor: { id: rev.id, name: rev.name }, reason: "le sens change" });
    const list = await listNotifications(db.kysely, cora.id);
    expect(list.map((n) => [n.kind, n.excerpt, n.paragraph])).toEqual([
      ["rejected", "le sens change", 3],
      ["accepted", "", 2],
    ]);
  });

  it("does not tell a reviewer of their own decision on their own suggestion", async () => {
    const { documentId, rev } = await setup();
    const own = await styleFix(documentId, { id: rev.id, name: rev.name });
    await accept(db, { documentId, suggestionId: own, actor: { id: rev.id, name: rev.name }, propagate: false });
    expect(await listNotifications(db.kysely, rev.id)).toEqual([]);
  });

  it("counts unread ones and marks some or all as read, for their owner only", async () => {
    const { documentId, cora, rev, suggestionId } = await setup();
    for (const text of ["un @cora", "deux @cora", "trois @cora"]) await comment(db, { documentId, suggestionId, author: { id: rev.id, name: rev.name }, text });
    const list = await listNotifications(db.kysely, cora.id);
    expect(await notificationState(db.kysely, cora.id)).toEqual({ unread: 3, newest: list[0].id });
    expect(await markRead(db.kysely, rev.id, [list[0].id])).toBe(0);
    expect(await markRead(db.kysely, cora.id, [list[0].id])).toBe(1);
    expect((await notificationState(db.kysely, cora.id)).unread).toBe(2);
    expect((await listNotifications(db.kysely, cora.id)).map((n) => n.read)).toEqual([true, false, false]);
    expect(await markRead(db.kysely, cora.id, "all")).toBe(2);
    expect((await notificationState(db.kysely, cora.id)).unread).toBe(0);
    // Paged, newest first.
    expect((await listNotifications(db.kysely, cora.id, { limit: 2, before: list[0].id })).map((n) => n.id)).toEqual([list[1].id, list[2].id]);
  });
}

describe("notifications on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("notifications on PostgreSQL", () => suite("postgres"));
