/// The glossary's view of one document: every term occurrence in both languages, the
/// consistency flags of each aligned pair of paragraphs, the entries involved, and how often
/// each entry occurs in this document and in the whole corpus.
import "server-only";
import type { Kysely } from "kysely";
import { checkGlossaryConsistency, type GlossaryFlag } from "../../lib/glossary/consistency";
import { matchTerms, type TermMatch } from "../../lib/glossary/match";
import type { TermEntry } from "../../lib/glossary/model";
import type { Database } from "../db/schema";
import { forEachYielding } from "../corpus/pages";
import { glossaryIndex } from "./store";

export interface DocumentTerms {
  /// Occurrences by paragraph position, per language.
  matches: Record<number, { fr: TermMatch[]; en: TermMatch[] }>;
  /// Consistency flags, with their paragraph position.
  flags: GlossaryFlag[];
  /// The entries that occur in the document, by id.
  entries: Record<string, TermEntry>;
  /// Occurrences per entry (both languages).
  counts: { document: Record<string, number>; corpus: Record<string, number> };
}

const CORPUS_COUNTS = Symbol.for("vis-a-vis.corpus-term-counts");

export async function documentTerms(db: Kysely<Database>, documentId: number): Promise<DocumentTerms> {
  const { index, entries } = await glossaryIndex(db);
  const paragraphs = await db
    .selectFrom("paragraphs")
    .select(["document_id", "position", "lang", "text", "revision"])
    .where("removed", "=", 0)
    .orderBy("document_id")
    .orderBy("position")
    .execute();
  const matches: DocumentTerms["matches"] = {};
  const document: Record<string, number> = {};
  const flags: GlossaryFlag[] = [];
  const mine = paragraphs.filter((p) => p.document_id === documentId);
  // A book's paragraphs are matched with breaks, so other requests run meanwhile.
  await forEachYielding(mine, (p) => {
    const found = matchTerms(index, p.text, p.lang);
    (matches[p.position] ??= { fr: [], en: [] })[p.lang] = found;
    for (const m of found) document[m.entry] = (document[m.entry] ?? 0) + 1;
  });
  const byPosition = new Map<number, { fr?: string; en?: string }>();
  for (const p of mine) byPosition.set(p.position, { ...byPosition.get(p.position), [p.lang]: p.text });
  await forEachYielding([...byPosition], ([position, pair]) => {
    if (pair.fr !== undefined) flags.push(...checkGlossaryConsistency(index, pair.fr, pair.en, { paragraph: position }));
  });
  // Corpus counts change only with the glossary (a new index) or the texts (a new revision, a
  // paragraph more or less): keep them until then.
  const version = `${paragraphs.length}:${paragraphs.reduce((n, p) => n + p.revision, 0)}`;
  const holder = globalThis as { [CORPUS_COUNTS]?: { index: unknown; version: string; counts: Record<string, number> } };
  if (holder[CORPUS_COUNTS]?.version !== version || holder[CORPUS_COUNTS]?.index !== index) {
    const corpus: Record<string, number> = {};
    await forEachYielding(paragraphs, (p) => {
      for (const m of matchTerms(index, p.text, p.lang)) corpus[m.entry] = (corpus[m.entry] ?? 0) + 1;
    });
    holder[CORPUS_COUNTS] = { index, version, counts: corpus };
  }
  const used = new Set([...Object.keys(document), ...flags.map((f) => f.entry)]);
  return {
    matches,
    flags,
    entries: Object.fromEntries(entries.filter((e) => used.has(e.id)).map((e) => [e.id, e])),
    counts: { document, corpus: holder[CORPUS_COUNTS]!.counts },
  };
}
