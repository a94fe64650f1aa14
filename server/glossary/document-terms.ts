/// The glossary's view of one document: every term occurrence in both languages, the
/// consistency flags of each aligned pair of paragraphs, the entries involved, and how often
/// each entry occurs in this document and in the whole corpus.
import "server-only";
import type { Kysely } from "kysely";
import { checkGlossaryConsistency, type GlossaryFlag } from "../../lib/glossary/consistency";
import type { DocumentTerms } from "../../lib/glossary/views";
import { matchTerms } from "../../lib/glossary/match";
import { beadsOf } from "../corpus/alignment";
import type { Database } from "../db/schema";
import { forEachYielding } from "../corpus/pages";
import { glossaryIndex } from "./store";

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
  // Each paragraph is checked against the other side of its bead (the whole bead when it holds
  // several paragraphs there); a paragraph with no counterpart only against the glossary.
  const texts = { fr: [] as string[], en: [] as string[] };
  for (const p of mine) texts[p.lang][p.position] = p.text;
  const doc = await db.selectFrom("documents").select("alignment").where("id", "=", documentId).executeTakeFirst();
  for (const bead of beadsOf(doc?.alignment ?? null, { fr: texts.fr.length, en: texts.en.length })) {
    const frText = bead.fr.map((i) => texts.fr[i]).join("\n");
    const enText = bead.en.map((i) => texts.en[i]).join("\n");
    if (bead.fr.length === 1 && bead.en.length <= 1) {
      flags.push(...checkGlossaryConsistency(index, frText, bead.en.length ? enText : undefined, { paragraph: { fr: bead.fr[0], en: bead.en[0] } }));
      continue;
    }
    for (const i of bead.fr) flags.push(...checkGlossaryConsistency(index, texts.fr[i], bead.en.length ? enText : undefined, { paragraph: { fr: i } }).filter((f) => f.lang === "fr"));
    if (bead.fr.length) for (const i of bead.en) flags.push(...checkGlossaryConsistency(index, frText, texts.en[i], { paragraph: { en: i } }).filter((f) => f.lang === "en"));
  }
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
