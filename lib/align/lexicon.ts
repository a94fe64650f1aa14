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

/// Learns translations from aligned pairs of word sets (sorted distinct integer keys): two words
/// are translations when they occur in the same pairs far more often than chance (Dice
/// coefficient over pairs). Returns French key → English keys, best first.
export function learnTranslations(pairs: ReadonlyArray<readonly [ArrayLike<number>, ArrayLike<number>]>, options: LearnOptions = {}): Map<number, number[]> {
  const minCount = options.minCount ?? 2;
  const minDice = options.minDice ?? 0.3;
  const perWord = options.perWord ?? 3;
  const maxPairs = options.maxPairs ?? 4000;
  const step = Math.max(1, pairs.length / maxPairs);
  const chosen: Array<readonly [ArrayLike<number>, ArrayLike<number>]> = [];
  for (let k = 0; k < pairs.length; k += step) chosen.push(pairs[Math.floor(k)]!);
  const frCount = new Map<number, number>();
  const enCount = new Map<number, number>();
  const bump = (map: Map<number, number>, key: number) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const [fr, en] of chosen) {
    for (let k = 0; k < fr.length; k++) bump(frCount, fr[k]!);
    for (let k = 0; k < en.length; k++) bump(enCount, en[k]!);
  }
  // Co-occurrences of words seen at least minCount times, keyed fr × 2^26 + en.
  const both = new Map<number, number>();
  for (const [fr, en] of chosen) {
    const ens: number[] = [];
    for (let k = 0; k < en.length; k++) if (enCount.get(en[k]!)! >= minCount) ens.push(en[k]!);
    for (let k = 0; k < fr.length; k++) {
      const f = fr[k]!;
      if (frCount.get(f)! < minCount) continue;
      for (const e of ens) bump(both, f * 67108864 + e);
    }
  }
  const scored = new Map<number, Array<[number, number]>>();
  for (const [key, c] of both) {
    if (c < minCount) continue;
    const f = Math.floor(key / 67108864);
    const e = key - f * 67108864;
    const dice = (2 * c) / (frCount.get(f)! + enCount.get(e)!);
    if (dice < minDice) continue;
    let list = scored.get(f);
    if (!list) scored.set(f, (list = []));
    list.push([e, dice]);
  }
  const out = new Map<number, number[]>();
  for (const [f, list] of scored) out.set(f, list.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, perWord).map(([e]) => e));
  return out;
}

/// Learns a lexicon from aligned text pairs (French, English), e.g. the confident 1-1 beads of a
/// first alignment, or the documents already aligned in the corpus (see `learnTranslations`).
/// Keys are French words with their plural folded, values English words likewise.
export function learnLexicon(pairs: ReadonlyArray<readonly [string, string]>, options: LearnOptions = {}): Lexicon {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const id = (w: string) => {
    let k = ids.get(w);
    if (k === undefined) {
      ids.set(w, (k = words.length));
      words.push(w);
    }
    return k;
  };
  const sets = (text: string, stem: (w: string) => string) => Int32Array.from(new Set(contentWords(text).map((w) => id(stem(w))))).sort();
  const learned = learnTranslations(
    pairs.map(([fr, en]) => [sets(fr, frenchStem), sets(en, englishStem)] as const),
    options,
  );
  const map = new Map<string, string[]>();
  for (const [f, ens] of learned) map.set(words[f]!, ens.map((e) => words[e]!));
  return map;
}
