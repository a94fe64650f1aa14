/// Looking entries up by what a reader types: accents, case, apostrophes, hyphens and
/// ligatures do not matter ("controle" finds "contrôles d'exportation", "semiconducteur" finds
/// "semi-conducteur"); the query may be the start of any word of any term, in either language,
/// preferred, admitted or deprecated ("exportation", "semi", "jeton"); and a plural finds the
/// singular ("chips" finds "chip", "puces" finds "puce"), by the simple French and English
/// rules the matcher uses (`singular`), since readers search for words as the text writes them.
///
/// Ranking: an entry whose term is the query itself comes first, then one with a term that
/// starts with it, then one with a later word of a term that does; within each, preferred terms
/// before admitted before deprecated, then by the entry's French (else English) preferred
/// term. Pure: no I/O.

import { LANGS, preferredTerm, type Lang, type TermEntry, type TermStatus } from "./model";
import { foldApostrophes, foldLigatures, singular, stripAccents } from "./normalize";

/// The term an entry was found by.
export interface MatchedTerm {
  lang: Lang;
  text: string;
  status: TermStatus;
}

/// One search result.
export interface SearchHit {
  entry: TermEntry;
  /// The term the query matched, or null when the query was empty (every entry listed).
  matchedTerm: MatchedTerm | null;
}

/// Longest query considered, in characters (longer ones are cut).
export const MAX_QUERY_LENGTH = 200;

const WORD = /[\p{L}\p{N}]+/gu;

/// The words of `s` folded for comparison: lower case, no accents, œ/æ spelt out, apostrophes
/// and hyphens as word breaks.
export function searchWords(s: string): string[] {
  const folded = stripAccents(foldLigatures(foldApostrophes(s.normalize("NFC")).toLowerCase()));
  return folded.match(WORD) ?? [];
}

/// The forms of a word list a query or term may take: as written, and with each word made
/// singular by the French and by the English rules.
function forms(words: string[], langs: readonly Lang[]): string[][] {
  const out = [words];
  for (const lang of langs) {
    const s = words.map((w) => singular(w, lang));
    if (out.every((o) => o.join(" ") !== s.join(" "))) out.push(s);
  }
  return out;
}

const STATUS_RANK: Record<TermStatus, number> = { preferred: 0, admitted: 1, deprecated: 2 };

/// How well a term fits the query: 0 the whole term, 1 its start, 2 a later word; -1 not at all.
function fit(termForms: string[][], queryForms: string[]): number {
  let best = -1;
  for (const words of termForms) {
    const whole = words.join("");
    for (let i = 0; i < words.length; i++) {
      const rest = i === 0 ? whole : words.slice(i).join("");
      for (const q of queryForms) {
        if (!rest.startsWith(q)) continue;
        const rank = i === 0 ? (rest === q ? 0 : 1) : 2;
        if (best < 0 || rank < best) best = rank;
        if (best === 0) return 0;
      }
    }
  }
  return best;
}

/// The label an entry is sorted by: its French preferred term, else its English one, else its id.
export function entryLabel(entry: TermEntry): string {
  return preferredTerm(entry, "fr")?.text ?? preferredTerm(entry, "en")?.text ?? entry.id;
}

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/// The entries a query finds, best first (see the module comment); an empty query lists every
/// entry by label.
export function searchEntries(entries: readonly TermEntry[], query: string): SearchHit[] {
  const words = searchWords(query.slice(0, MAX_QUERY_LENGTH));
  const byLabel = (a: TermEntry, b: TermEntry) => collator.compare(entryLabel(a), entryLabel(b)) || (a.id < b.id ? -1 : 1);
  if (words.length === 0) return [...entries].sort(byLabel).map((entry) => ({ entry, matchedTerm: null }));
  const queryForms = forms(words, LANGS).map((f) => f.join(""));
  const hits: { hit: SearchHit; rank: number; status: number }[] = [];
  for (const entry of entries) {
    let best: { rank: number; status: number; term: MatchedTerm } | undefined;
    for (const lang of LANGS) {
      for (const term of entry.langs[lang]?.terms ?? []) {
        const rank = fit(forms(searchWords(term.text), [lang]), queryForms);
        if (rank < 0) continue;
        const status = STATUS_RANK[term.status] ?? 1;
        if (!best || rank < best.rank || (rank === best.rank && status < best.status)) {
          best = { rank, status, term: { lang, text: term.text, status: term.status } };
        }
      }
    }
    if (best) hits.push({ hit: { entry, matchedTerm: best.term }, rank: best.rank, status: best.status });
  }
  hits.sort((a, b) => a.rank - b.rank || a.status - b.status || byLabel(a.hit.entry, b.hit.entry));
  return hits.map((h) => h.hit);
}
