import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { DocumentSource } from "../../../lib/corpus/document";
import { draftToFixes } from "../../../lib/corrections/draft";
import { importDocument } from "../../../server/corpus/import";
import { readCorrectionsFile, readDocumentDir } from "../../../server/corpus/files";
import { CorrectionError } from "../../../server/corrections/errors";
import { correctionsFileOf, importCorrections, parseCorrectionsFile } from "../../../server/corrections/file";
import { paragraphHistory } from "../../../server/corrections/history";
import { documentQuality } from "../../../server/corrections/quality";
import { listSuggestions } from "../../../server/corrections/views";
import { accept, comment, reject, revert, suggest } from "../../../server/corrections/workflow";
import type { Db } from "../../../server/db/connection";
import { getDocument } from "../../../server/documents";
import { eventsSince } from "../../../server/events/store";
import { createUser } from "../../../server/auth/users";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { mulberry32 } from "../../support/random";
import { describeIfAvailable } from "../../support/requirements";

const root = path.resolve(import.meta.dirname, "../../..");
const meta = {
  title: { fr: "Essai", en: "Test" },
  languages: { source: "fr" as const, target: "en" as const },
  provenance: { fr: { kind: "machine-translation" as const, engine: null }, en: { kind: "human" as const } },
  licence: "CC0",
};
const FR = [
  "Essai",
  "Ils semblent avoir commis l'écart de performance avec les modèles.",
  "Les autres ont aussi commis l'écart de performance, dit-on.",
  "Le commissaire a commis une faute.",
];
const doc = (slug = "essai", fr = FR): DocumentSource => ({ slug, meta, fr, en: fr.map((p) => `EN ${p}`) });
const alice = { id: null, name: "alice" } as const;
const bob = { id: null, name: "bob" } as const;

async function setup(engine: Engine) {
  const db = await freshDatabase(engine);
  await importDocument(db.kysely, doc());
  const d = await db.kysely.selectFrom("documents").select("id").where("slug", "=", "essai").executeTakeFirstOrThrow();
  const paragraphs = await db.kysely.selectFrom("paragraphs").select(["id", "position", "text", "revision"]).where("lang", "=", "fr").orderBy("position").execute();
  return { db, documentId: d.id, paragraphs };
}

/// Suggests `draft` for paragraph `position` at its current revision.
async function propose(db: Db, documentId: number, position: number, draft: string, author: { id: null; name: string } = alice) {
  const p = await db.kysely.selectFrom("paragraphs").selectAll().where("document_id", "=", documentId).where("lang", "=", "fr").where("position", "=", position).executeTakeFirstOrThrow();
  const out = await suggest(db, {
    documentId,
    paragraphId: p.id,
    baseRevision: p.revision,
    fixes: draftToFixes(p.text, draft),
    category: "accuracy/mistranslation",
    severity: "major",
    note: "",
    author,
  });
  return out.value;
}

const frText = async (db: Db, position: number) =>
  (await getDocument(db.kysely, "essai"))!.rows.find((r) => r.position === position)!.fr;

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof CorrectionError ? e.code : String(e)),
  );

function suite(engine: Engine) {
  let db: Db;
  afterEach(async () => db?.close());

  it("changes the text only when a suggestion is accepted, with a new revision, history and an event", async () => {
    const s = await setup(engine);
    db = s.db;
    const [sug] = await propose(db, s.documentId, 1, FR[1].replace("commis", "comblé"));
    expect(sug).toMatchObject({ deleted: "commis", inserted: "comblé", status: "open", baseRevision: 1 });
    expect(await frText(db, 1)).toBe(FR[1]);
    const out = await accept(db, { documentId: s.documentId, suggestionId: sug.id, actor: bob, propagate: false });
    expect(out.value.paragraph).toMatchObject({ text: FR[1].replace("commis", "comblé"), revision: 2 });
    expect(await frText(db, 1)).toBe(FR[1].replace("commis", "comblé"));
    const history = (await paragraphHistory(db.kysely, s.documentId, 1))!;
    expect(history.original).toBe(FR[1]);
    expect(history.revisions).toMatchObject([{ revision: 2, kind: "accept", actor: "bob", deleted: "commis", inserted: "comblé" }]);
    const types = (await eventsSince(db.kysely, s.documentId, 0)).map((e) => e.type);
    expect(types).toEqual(["suggestions.created", "suggestion.accepted"]);
  });

  it("shifts the other open suggestions of the paragraph and makes overlapping ones stale", async () => {
    const s = await setup(engine);
    db = s.db;
    const [a] = await propose(db, s.documentId, 1, FR[1].replace("Ils semblent", "Ils paraissent"));
    const [b] = await propose(db, s.documentId, 1, FR[1].replace("modèles", "grands modèles"));
    const [c] = await propose(db, s.documentId, 1, FR[1].replace("semblent", "sembleraient"));
    await accept(db, { documentId: s.documentId, suggestionId: a.id, actor: bob, propagate: false });
    const after = await listSuggestions(db.kysely, s.documentId);
    const text = await frText(db, 1);
    const moved = after.find((x) => x.id === b.id)!;
    expect(moved).toMatchObject({ status: "open", baseRevision: 2 });
    expect(text.slice(moved.start, moved.end)).toBe(moved.deleted);
    expect(after.find((x) => x.id === c.id)).toMatchObject({ status: "stale", staleBecause: a.id });
    // The moved one can still be accepted, and lands where it should.
    await accept(db, { documentId: s.documentId, suggestionId: b.id, actor: bob, propagate: false });
    expect(await frText(db, 1)).toBe("Ils paraissent avoir commis l'écart de performance avec les grands modèles.");
  });

  it("refuses the loser of two competing suggestions with a conflict, and loses nothing", async () => {
    const s = await setup(engine);
    db = s.db;
    const [one] = await propose(db, s.documentId, 1, FR[1].replace("commis", "comblé"));
    const [two] = await propose(db, s.documentId, 1, FR[1].replace("commis", "réduit"), bob);
    const results = await Promise.all([
      code(accept(db, { documentId: s.documentId, suggestionId: one.id, actor: alice, propagate: false })),
      code(accept(db, { documentId: s.documentId, suggestionId: two.id, actor: bob, propagate: false })),
    ]);
    expect(results.sort()).toEqual(["conflict", "ok"]);
    const text = await frText(db, 1);
    expect([FR[1].replace("commis", "comblé"), FR[1].replace("commis", "réduit")]).toContain(text);
    const all = await listSuggestions(db.kysely, s.documentId);
    expect(all.map((x) => x.status).sort()).toEqual(["accepted", "stale"]);
    expect(all.find((x) => x.status === "stale")!.inserted).toMatch(/comblé|réduit/);
    expect((await paragraphHistory(db.kysely, s.documentId, 1))!.revisions).toHaveLength(1);
  });

  it("maps a suggestion made on an older revision, and refuses one whose words changed since", async () => {
    const s = await setup(engine);
    db = s.db;
    const p = s.paragraphs[1];
    const [first] = await propose(db, s.documentId, 1, FR[1].replace("Ils semblent", "Ils paraissent"));
    await accept(db, { documentId: s.documentId, suggestionId: first.id, actor: bob, propagate: false });
    const late = await suggest(db, {
      documentId: s.documentId,
      paragraphId: p.id,
      baseRevision: 1,
      fixes: draftToFixes(FR[1], FR[1].replace("modèles", "systèmes")),
      category: "style",
      severity: "minor",
      author: alice,
    });
    expect(late.value[0]).toMatchObject({ baseRevision: 2, createdRevision: 1 });
    expect(
      await code(
        suggest(db, { documentId: s.documentId, paragraphId: p.id, baseRevision: 1, fixes: draftToFixes(FR[1], FR[1].replace("semblent", "sembleraient")), category: "style", severity: "minor", author: alice }),
      ),
    ).toBe("paragraphChanged");
  });

  it("refuses ids of other documents and wrong text", async () => {
    const s = await setup(engine);
    db = s.db;
    await importDocument(db.kysely, doc("autre", ["Autre", "Un autre texte."]));
    const other = await db.kysely.selectFrom("documents").select("id").where("slug", "=", "autre").executeTakeFirstOrThrow();
    const [sug] = await propose(db, s.documentId, 1, FR[1].replace("commis", "comblé"));
    expect(await code(accept(db, { documentId: other.id, suggestionId: sug.id, actor: bob }))).toBe("unknownSuggestion");
    expect(await code(reject(db, { documentId: other.id, suggestionId: sug.id, actor: bob, reason: "x" }))).toBe("unknownSuggestion");
    expect(
      await code(suggest(db, { documentId: other.id, paragraphId: s.paragraphs[1].id, baseRevision: 1, fixes: [{ start: 0, end: 3, deleted: "Ils", inserted: "Elles" }], category: "style", severity: "minor", author: alice })),
    ).toBe("unknownParagraph");
    expect(
      await code(suggest(db, { documentId: s.documentId, paragraphId: s.paragraphs[1].id, baseRevision: 1, fixes: [{ start: 0, end: 3, deleted: "Xyz", inserted: "Elles" }], category: "style", severity: "minor", author: alice })),
    ).toBe("textMismatch");
    expect((await listSuggestions(db.kysely, s.documentId)).map((x) => x.status)).toEqual(["open"]);
  });

  it("refuses spans outside the paragraph and insertions that would break it into lines", async () => {
    const s = await setup(engine);
    db = s.db;
    const p = s.paragraphs[1];
    const attempt = (fix: { start: number; end: number; deleted: string; inserted: string }) =>
      code(suggest(db, { documentId: s.documentId, paragraphId: p.id, baseRevision: 1, fixes: [fix], category: "style", severity: "minor", author: alice }));
    expect(await attempt({ start: 5, end: 3, deleted: "", inserted: "x" })).toBe("textMismatch");
    expect(await attempt({ start: 99999, end: 99999, deleted: "", inserted: "x" })).toBe("textMismatch");
    expect(await attempt({ start: 0, end: 3, deleted: "Ils", inserted: "Elles\nsont" })).toBe("textMismatch");
    expect(await listSuggestions(db.kysely, s.documentId)).toEqual([]);
    // An insertion is stored NFC, like the text it goes into.
    const [ok] = (await suggest(db, { documentId: s.documentId, paragraphId: p.id, baseRevision: 1, fixes: [{ start: 0, end: 3, deleted: "Ils", inserted: "E\u0301lles" }], category: "style", severity: "minor", author: alice })).value;
    expect(ok.inserted).toBe("\u00c9lles");
  });

  it("rejects with a reason only", async () => {
    const s = await setup(engine);
    db = s.db;
    const [sug] = await propose(db, s.documentId, 1, FR[1].replace("commis", "comblé"));
    expect(await code(reject(db, { documentId: s.documentId, suggestionId: sug.id, actor: bob, reason: "  " }))).toBe("reasonRequired");
    await reject(db, { documentId: s.documentId, suggestionId: sug.id, actor: bob, reason: "déjà corrigé" });
    expect((await listSuggestions(db.kysely, s.documentId))[0]).toMatchObject({ status: "rejected", reason: "déjà corrigé", decidedBy: "bob" });
    expect(await code(accept(db, { documentId: s.documentId, suggestionId: sug.id, actor: bob }))).toBe("conflict");
    expect(await frText(db, 1)).toBe(FR[1]);
  });

  it("reverts an accepted change as a new revision, and refuses when later changes overlap", async () => {
    const s = await setup(engine);
    db = s.db;
    const [a] = await propose(db, s.documentId, 1, FR[1].replace("commis", "comblé"));
    await accept(db, { documentId: s.documentId, suggestionId: a.id, actor: bob, propagate: false });
    const [b] = await propose(db, s.documentId, 1, (await frText(db, 1)).replace("modèles", "systèmes"));
    await accept(db, { documentId: s.documentId, suggestionId: b.id, actor: bob, propagate: false });
    const history = (await paragraphHistory(db.kysely, s.documentId, 1))!;
    const first = history.revisions.find((r) => r.suggestionId === a.id)!;
    await revert(db, { documentId: s.documentId, revisionId: first.id, actor: bob });
    expect(await frText(db, 1)).toBe(FR[1].replace("modèles", "systèmes"));
    const after = (await paragraphHistory(db.kysely, s.documentId, 1))!;
    expect(after.revision).toBe(4);
    expect(after.revisions.map((r) => r.kind)).toEqual(["revert", "accept", "accept"]);
    expect(await code(revert(db, { documentId: s.documentId, revisionId: first.id, actor: bob }))).toBe("alreadyReverted");
    expect((await listSuggestions(db.kysely, s.documentId, [a.id]))[0].revertedBy).toBe("bob");
    // A change whose words were replaced since cannot be reverted.
    const [c] = await propose(db, s.documentId, 1, (await frText(db, 1)).replace("systèmes", "machines"));
    await accept(db, { documentId: s.documentId, suggestionId: c.id, actor: bob, propagate: false });
    const second = after.revisions.find((r) => r.suggestionId === b.id)!;
    expect(await code(revert(db, { documentId: s.documentId, revisionId: second.id, actor: bob }))).toBe("notRevertable");
  });

  it("offers the same fix wherever the wrong words recur, for review, changing nothing", async () => {
    const s = await setup(engine);
    db = s.db;
    await importDocument(db.kysely, doc("autre", ["Autre", "Eux aussi ont commis l'écart de performance."]));
    const [sug] = await propose(db, s.documentId, 1, FR[1].replace("commis", "comblé"));
    const out = await accept(db, { documentId: s.documentId, suggestionId: sug.id, actor: bob });
    expect(out.value.propagated.map((p) => [p.paragraph, p.deleted, p.inserted]).sort()).toEqual([
      [1, "commis", "comblé"],
      [2, "commis", "comblé"],
    ]);
    expect(out.value.proposal).toEqual({ fix: sug.id, count: 2 });
    expect(out.documents.length).toBe(2);
    expect(await frText(db, 2)).toBe(FR[2]);
    // "Le commissaire a commis une faute." is not the same wrong text.
    const inDoc = await listSuggestions(db.kysely, s.documentId);
    expect(inDoc.filter((x) => x.paragraph === 3)).toEqual([]);
    expect(inDoc.filter((x) => x.paragraph === 2).map((x) => [x.deleted, x.sameFixAs])).toEqual([["commis", sug.id]]);
    const other = await db.kysely.selectFrom("documents").select("id").where("slug", "=", "autre").executeTakeFirstOrThrow();
    expect((await listSuggestions(db.kysely, other.id)).map((x) => [x.deleted, x.inserted, x.status, x.sameFixAs])).toEqual([["commis", "comblé", "open", sug.id]]);
  });

  it("keeps threaded comments with mentions of existing users", async () => {
    const s = await setup(engine);
    db = s.db;
    await createUser(db.kysely, { name: "Chloé", password: "a long password!", role: "reviewer" });
    const [sug] = await propose(db, s.documentId, 1, FR[1].replace("commis", "comblé"));
    await comment(db, { documentId: s.documentId, suggestionId: sug.id, author: alice, text: "@chloé qu'en penses-tu ? @personne" });
    await comment(db, { documentId: s.documentId, suggestionId: sug.id, author: bob, text: "D'accord." });
    const [view] = await listSuggestions(db.kysely, s.documentId);
    expect(view.comments.map((c) => [c.author, c.text, c.mentions])).toEqual([
      ["alice", "@chloé qu'en penses-tu ? @personne", ["Chloé"]],
      ["bob", "D'accord.", []],
    ]);
  });

  it("scores accepted errors per 1,000 words, leaving reverted ones out", async () => {
    const s = await setup(engine);
    db = s.db;
    const [a] = await propose(db, s.documentId, 1, FR[1].replace("commis", "comblé"));
    await accept(db, { documentId: s.documentId, suggestionId: a.id, actor: bob, propagate: false });
    const q = await documentQuality(db.kysely, s.documentId);
    // 1 + 11 + 10 + 6 words ("l'écart" counts two, "dit-on" one).
    expect(q.words).toBe(28);
    expect(q.counts["accuracy/mistranslation"].major).toBe(1);
    expect(q.perThousandWords).toBeCloseTo((5 * 1000) / 28);
    const rev = (await paragraphHistory(db.kysely, s.documentId, 1))!.revisions[0];
    await revert(db, { documentId: s.documentId, revisionId: rev.id, actor: bob });
    expect((await documentQuality(db.kysely, s.documentId)).total).toBe(0);
  });

  it("keeps every open suggestion on its own words through random accepts (property)", async () => {
    const s = await setup(engine);
    db = s.db;
    const random = mulberry32(7);
    const rand = (n: number) => Math.floor(random() * n);
    const words = ["vite", "lent", "grand", "petit", "neuf"];
    for (let round = 0; round < 25; round++) {
      const text = await frText(db, 1);
      const tokens = text.split(" ");
      const i = rand(tokens.length);
      tokens[i] = words[rand(words.length)];
      const draft = tokens.join(" ");
      // The same random fix twice is refused as a duplicate of the open one: fine here.
      if (draft !== text) await propose(db, s.documentId, 1, draft).catch((e) => expect(e).toMatchObject({ code: "duplicate" }));
      const open = (await listSuggestions(db.kysely, s.documentId)).filter((x) => x.status === "open");
      if (open.length && rand(3) === 0) await accept(db, { documentId: s.documentId, suggestionId: open[rand(open.length)].id, actor: bob, propagate: false });
      const now = await frText(db, 1);
      for (const o of (await listSuggestions(db.kysely, s.documentId)).filter((x) => x.status === "open")) {
        expect(now.slice(o.start, o.end)).toBe(o.deleted);
      }
    }
  });

  it("exports corrections and imports them into an empty database with the same result", async () => {
    const s = await setup(engine);
    db = s.db;
    const [a] = await propose(db, s.documentId, 1, FR[1].replace("commis", "comblé"));
    const [b] = await propose(db, s.documentId, 1, FR[1].replace("commis", "réduit"), bob);
    const [c] = await propose(db, s.documentId, 2, FR[2].replace("dit-on", "paraît-il"));
    await comment(db, { documentId: s.documentId, suggestionId: c.id, author: bob, text: "Plus naturel." });
    await accept(db, { documentId: s.documentId, suggestionId: a.id, actor: bob });
    await reject(db, { documentId: s.documentId, suggestionId: c.id, actor: bob, reason: "Garder le ton." });
    const [d] = await propose(db, s.documentId, 1, (await frText(db, 1)).replace("modèles", "systèmes"));
    await accept(db, { documentId: s.documentId, suggestionId: d.id, actor: alice, propagate: false });
    const rev = (await paragraphHistory(db.kysely, s.documentId, 1))!.revisions.find((r) => r.suggestionId === d.id)!;
    await revert(db, { documentId: s.documentId, revisionId: rev.id, actor: alice });
    void b;
    const before = await listSuggestions(db.kysely, s.documentId);
    const file = parseCorrectionsFile(JSON.parse(JSON.stringify(correctionsFileOf("essai", before))));
    const texts = (await getDocument(db.kysely, "essai"))!.rows.map((r) => [r.fr, r.revision]);

    const copy = await freshDatabase(engine);
    try {
      await importDocument(copy.kysely, doc());
      const id = (await copy.kysely.selectFrom("documents").select("id").executeTakeFirstOrThrow()).id;
      await importCorrections(copy, id, file);
      expect((await getDocument(copy.kysely, "essai"))!.rows.map((r) => [r.fr, r.revision])).toEqual(texts);
      const strip = (xs: typeof before) =>
        xs.map(({ id: _i, paragraphId: _p, sameFixAs, staleBecause, comments, ...rest }) => ({
          ...rest,
          sameFixAs: sameFixAs !== null,
          staleBecause: staleBecause !== null,
          comments: comments.map(({ id: _c, suggestionId: _s, ...r }) => r),
        }));
      expect(strip(await listSuggestions(copy.kysely, id))).toEqual(strip(before));
    } finally {
      await copy.close();
    }
  });

  it("refuses a corrections file whose steps come before the suggestion they concern, storing nothing", async () => {
    const s = await setup(engine);
    db = s.db;
    const file = parseCorrectionsFile({
      format: "vis-a-vis/corrections@1",
      document: "essai",
      suggestions: [
        { id: 1, paragraph: 1, baseRevision: 1, start: 19, end: 25, deleted: "commis", inserted: "comblé", category: "style", severity: "minor", author: "a", createdAt: "2026-01-02T00:00:00Z", status: "accepted", decidedBy: "b", decidedAt: "2026-01-01T00:00:00Z" },
      ],
    });
    await expect(importCorrections(db, s.documentId, file)).rejects.toThrow(/suggestion 1: decided, commented or reverted before it was made/);
    expect(await listSuggestions(db.kysely, s.documentId)).toEqual([]);
    expect(await frText(db, 1)).toBe(FR[1]);
  });

  it("imports the shipped corrections of the seed document into correct French, once", async () => {
    db = await freshDatabase(engine);
    const dir = path.join(root, "corpus/deepseek-containment");
    await importDocument(db.kysely, readDocumentDir(dir));
    const id = (await db.kysely.selectFrom("documents").select("id").executeTakeFirstOrThrow()).id;
    const file = readCorrectionsFile(dir)!;
    await importCorrections(db, id, file);
    const all = await listSuggestions(db.kysely, id);
    const count = (status: string) => all.filter((s) => s.status === status).length;
    expect(count("accepted")).toBeGreaterThan(100);
    expect(count("open")).toBeGreaterThanOrEqual(3);
    expect(count("rejected")).toBeGreaterThanOrEqual(1);
    const text = (await getDocument(db.kysely, "deepseek-containment"))!.rows.map((r) => r.fr).join("\n");
    for (const wrong of ["commis l'écart", "Deepseek", "Openai", "Brundage de miles", "jetons", "modèle de langue en grande langue", "inadvertancement", "pourrait a un", "offriraffaiblissant"]) {
      expect(text, wrong).not.toContain(wrong);
    }
    expect(text).toContain("comblé l'écart");
    const original = fs.readFileSync(path.join(dir, "fr.txt"), "utf8");
    expect(original).toContain("commis l'écart");
  });
}

describe("correction workflow on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("correction workflow on PostgreSQL", () => suite("postgres"));
