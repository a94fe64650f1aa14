/// Stored alignments: an unequal pair aligned at import, meta.json's alignment, hand repairs kept
/// in history and revertible, live events, and nothing attached to paragraphs ever lost.
import { afterEach, describe, expect, it } from "vitest";
import type { AlignedBead } from "../../../lib/corpus/alignment";
import type { DocumentSource } from "../../../lib/corpus/document";
import { draftToFixes } from "../../../lib/corrections/draft";
import { alignmentHistory, documentBeads, editAlignment, revertAlignmentChange } from "../../../server/corpus/alignment";
import { exportMeta } from "../../../server/corpus/export";
import { importDocument } from "../../../server/corpus/import";
import { listSuggestions } from "../../../server/corrections/views";
import { accept, comment, suggest } from "../../../server/corrections/workflow";
import type { Db } from "../../../server/db/connection";
import { getDocument } from "../../../server/documents";
import { eventsSince } from "../../../server/events/store";
import { AlignmentEditError } from "../../../lib/corpus/alignment";
import { freshDatabase, postgresAvailable, type Engine } from "../../support/databases";
import { describeIfAvailable } from "../../support/requirements";

const meta = {
  title: { fr: "Le contrôle", en: "Containment" },
  languages: { source: "fr" as const, target: "en" as const },
  provenance: { fr: { kind: "machine-translation" as const, engine: null }, en: { kind: "human" as const } },
  licence: "CC0",
};
/// The English splits the second French paragraph in two and has a line the French dropped.
const FR = [
  "Le contrôle des exportations",
  "En 2022, les États-Unis ont restreint les puces les plus avancées. En 2023, ils ont élargi la liste à 40 pays.",
  "DeepSeek a entraîné son modèle V3 pour 5,6 millions de dollars.",
  "Ils semblent avoir commis l'écart de performance.",
];
const EN = [
  "Export controls",
  "In 2022, the United States restricted the most advanced chips.",
  "In 2023, they widened the list to 40 countries.",
  "DeepSeek trained its V3 model for 5.6 million dollars.",
  "Now, therefore, the rules matter more than ever.",
  "They appear to have closed the performance gap.",
];
const doc = (over: Partial<DocumentSource> = {}): DocumentSource => ({ slug: "essai", meta, fr: FR, en: EN, ...over });
const alice = { id: null, name: "alice" } as const;
const covers = (beads: AlignedBead[]) => ({ fr: beads.flatMap((b) => b.fr), en: beads.flatMap((b) => b.en) });

function suite(engine: Engine) {
  let db: Db;
  afterEach(async () => {
    await db?.close();
  });
  const idOf = async () => (await db.kysely.selectFrom("documents").select("id").where("slug", "=", "essai").executeTakeFirstOrThrow()).id;

  it("aligns an unequal pair at import and stores the beads, marking the doubtful ones", async () => {
    db = await freshDatabase(engine);
    const result = await importDocument(db.kysely, doc());
    expect(result.status).toBe("created");
    expect(result.alignment?.beads).toBeGreaterThan(0);
    const view = (await getDocument(db.kysely, "essai"))!;
    expect(view.aligned).toBe(true);
    expect(covers(view.beads)).toEqual({ fr: [0, 1, 2, 3], en: [0, 1, 2, 3, 4, 5] });
    expect(view.beads.every((b) => typeof b.score === "number")).toBe(true);
    expect(view.texts.en.map((p) => p.text)).toEqual(EN);
    // Rows stay one per French paragraph, carrying the English of their bead.
    expect(view.rows.map((r) => r.position)).toEqual([0, 1, 2, 3]);
    expect(view.rows[0].en).toBe("Export controls");
  });

  it("takes meta.json's alignment as it is, and gives it back in meta.json", async () => {
    db = await freshDatabase(engine);
    const beads = [
      { fr: [0], en: [0] },
      { fr: [1], en: [1, 2] },
      { fr: [2], en: [3] },
      { fr: [], en: [4] },
      { fr: [3], en: [5] },
    ];
    await importDocument(db.kysely, doc({ alignment: beads }));
    const view = (await getDocument(db.kysely, "essai"))!;
    expect(view.beads).toEqual(beads);
    expect(JSON.parse(exportMeta(view)).alignment).toEqual({ beads });
    expect(await importDocument(db.kysely, doc({ alignment: beads }))).toMatchObject({ status: "unchanged" });
  });

  it("stores no alignment for one line to one line, and meta.json then has none", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, doc({ en: FR.map((p) => `EN ${p}`) }));
    const view = (await getDocument(db.kysely, "essai"))!;
    expect(view.aligned).toBe(false);
    expect(JSON.parse(exportMeta(view)).alignment).toBeUndefined();
  });

  it("repairs beads by hand, keeps each change in history, reverts it, and tells live viewers", async () => {
    db = await freshDatabase(engine);
    const beads = [
      { fr: [0], en: [0] },
      { fr: [1], en: [1] },
      { fr: [], en: [2] },
      { fr: [2], en: [3, 4] },
      { fr: [3], en: [5] },
    ];
    await importDocument(db.kysely, doc({ alignment: beads }));
    const documentId = await idOf();
    const merged = await editAlignment(db, documentId, { kind: "merge", bead: 1 }, alice);
    expect(merged.beads[1]).toEqual({ fr: [1], en: [1, 2] });
    const moved = await editAlignment(db, documentId, { kind: "move", lang: "en", paragraph: 4, direction: "down" }, alice);
    expect(moved.beads.slice(2)).toEqual([{ fr: [2], en: [3] }, { fr: [3], en: [4, 5] }]);
    const detached = await editAlignment(db, documentId, { kind: "detach", lang: "en", paragraph: 4 }, alice);
    expect(detached.beads.slice(3)).toEqual([{ fr: [], en: [4] }, { fr: [3], en: [5] }]);
    expect(await documentBeads(db.kysely, documentId)).toEqual(detached.beads);

    const history = await alignmentHistory(db.kysely, documentId);
    expect(history.map((c) => [c.kind, c.by])).toEqual([
      ["detach", "alice"],
      ["move", "alice"],
      ["merge", "alice"],
    ]);
    // The merge is reverted on its own, although two changes came after it.
    await revertAlignmentChange(db, documentId, history[2].id, alice);
    expect((await documentBeads(db.kysely, documentId)).slice(0, 3)).toEqual([{ fr: [0], en: [0] }, { fr: [1], en: [1] }, { fr: [], en: [2] }]);
    await expect(revertAlignmentChange(db, documentId, history[2].id, alice)).rejects.toMatchObject({ code: "alreadyReverted" });
    // The move cannot be reverted before the detach that changed its beads since.
    await expect(revertAlignmentChange(db, documentId, history[1].id, alice)).rejects.toBeInstanceOf(AlignmentEditError);

    const events = (await eventsSince(db.kysely, documentId, 0)).filter((e) => e.type === "alignment.changed");
    expect(events).toHaveLength(4);
    expect(events.at(-1)!.data.beads).toEqual(await documentBeads(db.kysely, documentId));
  });

  it("never loses suggestions, comments or history attached to the paragraphs", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, doc());
    const documentId = await idOf();
    const p = await db.kysely.selectFrom("paragraphs").selectAll().where("document_id", "=", documentId).where("lang", "=", "fr").where("position", "=", 3).executeTakeFirstOrThrow();
    const fix = (draft: string, text: string) => ({ documentId, paragraphId: p.id, fixes: draftToFixes(text, draft), category: "accuracy/mistranslation", severity: "major", note: "", author: alice });
    const [first] = (await suggest(db, { ...fix(p.text.replace("commis", "comblé"), p.text), baseRevision: 1 })).value;
    await accept(db, { documentId, suggestionId: first.id, actor: alice });
    const text = p.text.replace("commis", "comblé");
    const [open] = (await suggest(db, { ...fix(text.replace("semblent", "paraissent"), text), baseRevision: 2 })).value;
    await comment(db, { documentId, suggestionId: open.id, author: alice, text: "À voir." });
    const before = await listSuggestions(db.kysely, documentId);
    const revisions = await db.kysely.selectFrom("revisions").selectAll().orderBy("id").execute();
    const beads = await documentBeads(db.kysely, documentId);
    const last = beads.findIndex((b) => b.fr.includes(3));
    await editAlignment(db, documentId, { kind: "merge", bead: last - 1 }, alice);
    await editAlignment(db, documentId, { kind: "detach", lang: "fr", paragraph: 3 }, alice);
    expect(await listSuggestions(db.kysely, documentId)).toEqual(before);
    expect(await db.kysely.selectFrom("revisions").selectAll().orderBy("id").execute()).toEqual(revisions);
    const view = (await getDocument(db.kysely, "essai"))!;
    expect(view.rows[3]).toMatchObject({ paragraphId: p.id, fr: text, revision: 2 });
  });

  it("keeps hand repairs when the same texts are imported again, and realigns changed ones", async () => {
    db = await freshDatabase(engine);
    await importDocument(db.kysely, doc());
    const documentId = await idOf();
    const repaired = (await editAlignment(db, documentId, { kind: "merge", bead: 0 }, alice)).beads;
    expect(await importDocument(db.kysely, doc())).toMatchObject({ status: "unchanged" });
    expect(await documentBeads(db.kysely, documentId)).toEqual(repaired);
    const changed = await importDocument(db.kysely, doc({ en: [...EN, "One more line."] }));
    expect(changed).toMatchObject({ status: "updated", alignmentChanged: true });
    expect(covers(await documentBeads(db.kysely, documentId)).en).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect((await alignmentHistory(db.kysely, documentId))[0]).toMatchObject({ kind: "import", by: "import" });
  });
}

describe("alignment on SQLite", () => suite("sqlite"));
describeIfAvailable("PostgreSQL", await postgresAvailable())("alignment on PostgreSQL", () => suite("postgres"));
