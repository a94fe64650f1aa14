/// Storing a checked document: created on first import, updated in place afterwards, and never
/// losing what is recorded against its paragraphs. Every import is one transaction.
import "server-only";
import { sql, type Kysely, type Transaction } from "kysely";
import { DOUBTFUL_SCORE } from "../../lib/align";
import { alignParagraphs, isUnchanged, summarize, type ParagraphAlignment, type ParagraphChanges } from "../../lib/corpus/changes";
import { alignmentProblem, alignTexts, diffAlignments, type AlignedBead } from "../../lib/corpus/alignment";
import type { DocumentSource } from "../../lib/corpus/document";
import type { Database } from "../db/schema";
import { staleThreadsOf } from "../comments/anchoring";
import { beadsOf, recordAlignmentChange, storedAlignment } from "./alignment";

/// How a document's paragraphs are paired: beads, and how many the aligner doubted (null when
/// the texts go one line to one line).
export type AlignmentSummary = { beads: number; doubtful: number } | null;

/// What an import did: `created`, `unchanged`, or `updated` with the paragraphs it touched.
export type ImportResult =
  | { slug: string; status: "created"; paragraphs: number; alignment: AlignmentSummary }
  | { slug: string; status: "unchanged"; paragraphs: number; alignment: AlignmentSummary }
  | { slug: string; status: "updated"; paragraphs: number; fr: ParagraphChanges; en: ParagraphChanges; metaChanged: boolean; alignmentChanged: boolean; alignment: AlignmentSummary };

/// The alignment a new text gets: the one it brings, else one to one for equal counts, else the
/// aligner's.
export function resolveAlignment(doc: Pick<DocumentSource, "fr" | "en" | "alignment">): AlignedBead[] | null {
  if (doc.alignment) return doc.alignment;
  return doc.fr.length === doc.en.length ? null : alignTexts(doc.fr, doc.en);
}

function summary(stored: string | null, threshold: number): AlignmentSummary {
  if (stored === null) return null;
  const beads = JSON.parse(stored) as AlignedBead[];
  return { beads: beads.length, doubtful: beads.filter((b) => b.score !== undefined && b.score < threshold).length };
}

const LANGS = ["fr", "en"] as const;

/// Imports one document. Re-importing identical files writes nothing; changed files update the
/// changed paragraphs (a new revision each), add new ones, and mark vanished ones removed, so
/// every paragraph id, and all that hangs off it, survives.
export async function importDocument(
  db: Kysely<Database>,
  doc: DocumentSource,
  /// Runs inside the import's transaction once the outcome is known (the audit entry).
  andThen?: (trx: Transaction<Database>, result: ImportResult) => Promise<void>,
): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    const result = await store(trx, doc);
    await andThen?.(trx, result);
    return result;
  });
}

async function store(trx: Transaction<Database>, doc: DocumentSource): Promise<ImportResult> {
  const now = new Date().toISOString();
  const meta = JSON.stringify(doc.meta);
  const existing = await trx.selectFrom("documents").selectAll().where("slug", "=", doc.slug).executeTakeFirst();
  if (!existing) {
    const alignment = storedAlignment(resolveAlignment(doc));
    const { id } = await trx
      .insertInto("documents")
      .values({
        slug: doc.slug,
        title_fr: doc.meta.title.fr,
        title_en: doc.meta.title.en,
        source_lang: doc.meta.languages.source,
        target_lang: doc.meta.languages.target,
        meta,
        alignment,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const lang of LANGS) {
      const rows = doc[lang].map((text, position) => ({ document_id: id, lang, position, text, original: text }));
      // 1,000 rows of 5 values a statement: under both engines' limits on bound parameters.
      for (let i = 0; i < rows.length; i += 1000) await trx.insertInto("paragraphs").values(rows.slice(i, i + 1000)).execute();
    }
    return { slug: doc.slug, status: "created", paragraphs: doc.fr.length, alignment: summary(alignment, DOUBTFUL_SCORE) };
  }

  const alignments = {} as Record<(typeof LANGS)[number], { stored: StoredParagraph[]; alignment: ParagraphAlignment }>;
  for (const lang of LANGS) {
    const stored = await trx
      .selectFrom("paragraphs")
      .select(["id", "original", "text", "revision"])
      .where("document_id", "=", existing.id)
      .where("lang", "=", lang)
      .where("removed", "=", 0)
      .orderBy("position")
      .execute();
    alignments[lang] = { stored, alignment: alignParagraphs(stored.map((r) => r.original), doc[lang]) };
  }
  const metaChanged = existing.meta !== meta;
  const sameTexts = isUnchanged(alignments.fr.alignment) && isUnchanged(alignments.en.alignment);
  const counts = { fr: doc.fr.length, en: doc.en.length };
  // Hand repairs survive a re-import of the same texts that brings no alignment of its own.
  const keep = !doc.alignment && existing.alignment !== null && alignmentProblem(JSON.parse(existing.alignment), counts) === null && sameTexts;
  const alignment = keep ? existing.alignment : storedAlignment(resolveAlignment(doc));
  const alignmentChange = diffAlignments(beadsOf(existing.alignment, { fr: alignments.fr.stored.length, en: alignments.en.stored.length }), beadsOf(alignment, counts));
  if (!metaChanged && sameTexts && !alignmentChange) {
    return { slug: doc.slug, status: "unchanged", paragraphs: doc.fr.length, alignment: summary(existing.alignment, DOUBTFUL_SCORE) };
  }
  for (const lang of LANGS) await applyChanges(trx, existing.id, lang, doc[lang], alignments[lang].stored, alignments[lang].alignment);
  const changes = { fr: summarize(alignments.fr.alignment), en: summarize(alignments.en.alignment) };
  await trx
    .updateTable("documents")
    .set({
      title_fr: doc.meta.title.fr,
      title_en: doc.meta.title.en,
      source_lang: doc.meta.languages.source,
      target_lang: doc.meta.languages.target,
      meta,
      updated_at: now,
    })
    .where("id", "=", existing.id)
    .execute();
  if (alignmentChange) {
    const before = beadsOf(existing.alignment, { fr: alignments.fr.stored.length, en: alignments.en.stored.length });
    await recordAlignmentChange(trx, existing.id, before, alignmentChange, "import", { id: null, name: "import" });
  }
  return {
    slug: doc.slug,
    status: "updated",
    paragraphs: doc.fr.length,
    fr: changes.fr,
    en: changes.en,
    metaChanged,
    alignmentChanged: !!alignmentChange,
    alignment: summary(alignment, DOUBTFUL_SCORE),
  };
}

type StoredParagraph = { id: number; original: string; text: string; revision: number };

/// Applies an alignment: kept paragraphs move to their new place, changed ones get the new text
/// as a new revision (their open suggestions go stale), removed ones are marked removed (their
/// open suggestions go stale too), new lines become new paragraphs. Paragraph ids, and all that
/// hangs off them, follow their text.
async function applyChanges(
  trx: Transaction<Database>,
  documentId: number,
  lang: "fr" | "en",
  incoming: string[],
  stored: StoredParagraph[],
  alignment: ParagraphAlignment,
) {
  // Positions are unique per document and language: park every paragraph on its own negative
  // position first (removed ones stay there), then give the live ones their new places.
  await trx
    .updateTable("paragraphs")
    .set({ position: sql<number>`-id` })
    .where("document_id", "=", documentId)
    .where("lang", "=", lang)
    .execute();
  const move = (id: number, set: { position: number; text?: string; original?: string; revision?: number }) =>
    trx.updateTable("paragraphs").set(set).where("id", "=", id).execute();
  for (const { from, to } of alignment.kept) await move(stored[from].id, { position: to });
  for (const { from, to } of alignment.changed) {
    const before = stored[from];
    const text = incoming[to];
    const revision = before.revision + 1;
    await move(before.id, { position: to, text, original: text, revision });
    await staleThreadsOf(trx, before.id, revision);
    if (lang === "fr") await recordFileChange(trx, documentId, before, text, revision);
  }
  for (const from of alignment.removed) {
    await trx.updateTable("paragraphs").set({ removed: 1 }).where("id", "=", stored[from].id).execute();
    await staleOpenSuggestions(trx, stored[from].id, new Date().toISOString());
    await staleThreadsOf(trx, stored[from].id, stored[from].revision);
  }
  for (const to of alignment.added) {
    await trx.insertInto("paragraphs").values({ document_id: documentId, lang, position: to, text: incoming[to], original: incoming[to] }).execute();
  }
}

async function staleOpenSuggestions(trx: Transaction<Database>, paragraphId: number, at: string) {
  await trx.updateTable("suggestions").set({ status: "stale", decided_at: at }).where("paragraph_id", "=", paragraphId).where("status", "=", "open").execute();
}

async function recordFileChange(
  trx: Transaction<Database>,
  documentId: number,
  before: { id: number; text: string; revision: number },
  text: string,
  revision: number,
) {
  const at = new Date().toISOString();
  await trx
    .insertInto("revisions")
    .values({
      paragraph_id: before.id,
      document_id: documentId,
      revision,
      kind: "import",
      start: 0,
      end: before.text.length,
      deleted: before.text,
      inserted: text,
      text_before: before.text,
      text_after: text,
      suggestion_id: null,
      actor_id: null,
      actor_name: "import",
      at,
    })
    .execute();
  await staleOpenSuggestions(trx, before.id, at);
}
