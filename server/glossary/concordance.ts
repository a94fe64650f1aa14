/// An entry's bilingual concordance: every aligned paragraph pair of the corpus where one of
/// the entry's terms occurs, in French or in English, with the entry's occurrences on both
/// sides — what a terminologist reads to see how a term is actually rendered.
import "server-only";
import type { Kysely } from "kysely";
import { matchTerms, type TermMatch } from "../../lib/glossary/match";
import { LANGS, type Lang, type TermStatus } from "../../lib/glossary/model";
import type { Database } from "../db/schema";
import { glossaryIndex } from "./store";

/// One occurrence of the entry in a paragraph.
export interface ConcordanceSpan {
  /// UTF-16 offsets into the paragraph's text, end exclusive.
  start: number;
  end: number;
  /// The glossary term found there, as the glossary writes it.
  term: string;
  status: TermStatus;
  /// False when the text matched only without its accents.
  exact: boolean;
}

/// One paragraph of a concordance line.
export interface ConcordanceSide {
  text: string;
  spans: ConcordanceSpan[];
}

/// A pair of aligned paragraphs (same position) where the entry occurs on at least one side.
export interface ConcordanceLine {
  document: { slug: string; title: string };
  /// Index of the paragraph in the document, from 0 (the title); the reader's anchor is
  /// `#p-<position + 1>`.
  position: number;
  fr: ConcordanceSide;
  en: ConcordanceSide;
}

/// One occurrence as the API lists it: where, which side, and the aligned counterpart.
export interface Occurrence extends ConcordanceSpan {
  document: { slug: string; title: string };
  position: number;
  lang: Lang;
  text: string;
  counterpart: { lang: Lang; text: string; spans: ConcordanceSpan[] };
}

/// Most lines a concordance returns (the rest are counted, not listed).
export const MAX_CONCORDANCE_LINES = 500;

/// The occurrences of `entryId` among all matches of a paragraph: every match of that entry,
/// including one inside a longer term of another entry ("puce" in "puces avancées"), but no two
/// of its own overlapping (leftmost, then longest, wins).
function entrySpans(matches: TermMatch[], entryId: string): ConcordanceSpan[] {
  const own = matches.filter((m) => m.entry === entryId).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ConcordanceSpan[] = [];
  let lastEnd = -1;
  for (const m of own) {
    if (m.start < lastEnd) continue;
    out.push({ start: m.start, end: m.end, term: m.term, status: m.status, exact: m.exact });
    lastEnd = m.end;
  }
  return out;
}

/// Every aligned paragraph pair of the corpus where the entry occurs, by document title and
/// position. `total` counts all of them; `lines` holds at most `MAX_CONCORDANCE_LINES`.
export async function entryConcordance(db: Kysely<Database>, entryId: string): Promise<{ lines: ConcordanceLine[]; total: number }> {
  const { index } = await glossaryIndex(db);
  if (!index.entries.has(entryId)) return { lines: [], total: 0 };
  const rows = await db
    .selectFrom("paragraphs as p")
    .innerJoin("documents as d", "d.id", "p.document_id")
    .select(["d.id as documentId", "d.slug", "d.title_fr", "p.lang", "p.position", "p.text"])
    .where("p.removed", "=", 0)
    .orderBy("d.id")
    .orderBy("p.position")
    .execute();
  type Pair = { slug: string; title: string; position: number; fr: string; en: string };
  const pairs = new Map<string, Pair>();
  const titles = new Map<number, string>();
  for (const r of rows) {
    const key = `${r.documentId}:${r.position}`;
    const pair = pairs.get(key) ?? { slug: r.slug, title: r.title_fr, position: r.position, fr: "", en: "" };
    pair[r.lang] = r.text;
    pairs.set(key, pair);
    // The French title is the title paragraph as corrected so far.
    if (r.lang === "fr" && r.position === 0 && r.text) titles.set(r.documentId, r.text);
  }
  const lines: ConcordanceLine[] = [];
  let total = 0;
  for (const [key, pair] of pairs) {
    const sides = {} as Record<Lang, ConcordanceSide>;
    for (const lang of LANGS) {
      const text = pair[lang];
      sides[lang] = { text, spans: entrySpans(matchTerms(index, text, lang, { all: true }), entryId) };
    }
    if (sides.fr.spans.length === 0 && sides.en.spans.length === 0) continue;
    total++;
    if (lines.length >= MAX_CONCORDANCE_LINES) continue;
    const documentId = Number(key.slice(0, key.indexOf(":")));
    lines.push({ document: { slug: pair.slug, title: titles.get(documentId) ?? pair.title }, position: pair.position, fr: sides.fr, en: sides.en });
  }
  lines.sort((a, b) => a.document.title.localeCompare(b.document.title, "fr") || a.document.slug.localeCompare(b.document.slug) || a.position - b.position);
  return { lines, total };
}

/// The concordance as a flat list of occurrences, each with its aligned counterpart.
export function occurrencesOf(lines: readonly ConcordanceLine[]): Occurrence[] {
  const out: Occurrence[] = [];
  for (const line of lines) {
    for (const lang of LANGS) {
      const other: Lang = lang === "fr" ? "en" : "fr";
      for (const span of line[lang].spans) {
        out.push({
          document: line.document,
          position: line.position,
          lang,
          ...span,
          text: line[lang].text,
          counterpart: { lang: other, text: line[other].text, spans: line[other].spans },
        });
      }
    }
  }
  return out;
}
