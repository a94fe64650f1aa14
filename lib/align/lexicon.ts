/// A French→English word lexicon: for a French word (lower case, NFC), the English words it may
/// translate to (lower case). Built from a dictionary (FreeDict, read on the server), from the
/// glossary's term pairs, or learned from text already aligned (as hunalign's realign pass does).
import { englishStem, frenchStem, lexiconWord, STOPWORDS, tokens } from "./words";

/// French word → English words. Plain data: any `Map` will do.
export type Lexicon = ReadonlyMap<string, readonly string[]>;

/// The content words of a text (no numbers, no stop words), lower case.
function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const t of tokens(text)) {
    if (t.number !== null) continue;
    const w = lexiconWord(t.text);
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    out.push(w);
  }
  return out;
}

/// Adds `en` as a translation of `fr` in `map`, once.
function add(map: Map<string, string[]>, fr: string, en: string): void {
  const list = map.get(fr);
  if (!list) map.set(fr, [en]);
  else if (!list.includes(en)) list.push(en);
}

/// A lexicon from glossary term pairs: each French word of a term maps to each English content
/// word of its equivalent (single-word terms map exactly).
export function lexiconFromTermPairs(pairs: ReadonlyArray<readonly [string, string]>): Lexicon {
  const map = new Map<string, string[]>();
  for (const [fr, en] of pairs) {
    const frWords = contentWords(fr);
    const enWords = contentWords(en);
    for (const f of frWords) for (const e of enWords) add(map, f, e);
  }
  return map;
}

/// The union of several lexicons.
export function mergeLexicons(...lexicons: Array<Lexicon | undefined>): Lexicon {
  const map = new Map<string, string[]>();
  for (const lex of lexicons) if (lex) for (const [fr, ens] of lex) for (const en of ens) add(map, fr, en);
  return map;
}

/// Options of `learnLexicon`.
export interface LearnOptions {
  /// Minimum number of pairs in which both words occur (default 2).
  minCount?: number;
  /// Minimum Dice coefficient between the words' occurrences (default 0.3).
  minDice?: number;
  /// At most this many translations kept per French word (default 3).
  perWord?: number;
  /// At most this many pairs are read (evenly spread), so that learning stays linear and fast.
  maxPairs?: number;
}

/// Learns a lexicon from aligned text pairs (French, English), e.g. the confident 1-1 beads of a
/// first alignment: two words are translations when they occur in the same pairs far more often
/// than chance (Dice coefficient over pairs).
export function learnLexicon(pairs: ReadonlyArray<readonly [string, string]>, options: LearnOptions = {}): Lexicon {
  const minCount = options.minCount ?? 2;
  const minDice = options.minDice ?? 0.3;
  const perWord = options.perWord ?? 3;
  const maxPairs = options.maxPairs ?? 4000;
  const step = Math.max(1, pairs.length / maxPairs);
  const frCount = new Map<string, number>();
  const enCount = new Map<string, number>();
  const both = new Map<string, Map<string, number>>();
  const docs: Array<[string[], string[]]> = [];
  for (let k = 0; k < pairs.length; k += step) {
    const [frText, enText] = pairs[Math.floor(k)]!;
    const fr = [...new Set(contentWords(frText).map(frenchStem))];
    const en = [...new Set(contentWords(enText).map(englishStem))];
    docs.push([fr, en]);
    for (const w of fr) frCount.set(w, (frCount.get(w) ?? 0) + 1);
    for (const w of en) enCount.set(w, (enCount.get(w) ?? 0) + 1);
  }
  for (const [fr, en] of docs) {
    for (const f of fr) {
      if ((frCount.get(f) ?? 0) < minCount) continue;
      let row = both.get(f);
      for (const e of en) {
        if ((enCount.get(e) ?? 0) < minCount) continue;
        if (!row) both.set(f, (row = new Map()));
        row.set(e, (row.get(e) ?? 0) + 1);
      }
    }
  }
  const map = new Map<string, string[]>();
  for (const [f, row] of both) {
    const cf = frCount.get(f)!;
    const scored: Array<[string, number]> = [];
    for (const [e, c] of row) {
      if (c < minCount) continue;
      const dice = (2 * c) / (cf + enCount.get(e)!);
      if (dice >= minDice) scored.push([e, dice]);
    }
    scored.sort((a, b) => b[1] - a[1]);
    if (scored.length > 0) map.set(f, scored.slice(0, perWord).map(([e]) => e));
  }
  return map;
}
