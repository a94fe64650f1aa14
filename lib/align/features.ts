/// What the aligner compares between a French and an English text unit (paragraph or sentence):
/// its length, and sets of evidence keys that a unit and its translation tend to share —
///  - anchors: numbers, cognates and near-cognates (the first letters of long words, accents
///    folded: dignité/dignity, "nations"/"nations"), names and acronyms, some punctuation;
///  - translations: for French, the English words the lexicon gives for its words; for English,
///    its own content words.
/// Keys are interned as integers and kept sorted, so comparing two units is a merge of two arrays.
import type { Lexicon } from "./lexicon";
import { englishStem, fold, frenchStem, lexiconWord, STOPWORDS, tokens } from "./words";

/// The evidence channels, each with its own rates of sharing (numbers are nearly always kept in
/// a translation; cognates and dictionary words much less often).
export const CHANNELS = ["numbers", "anchors", "words"] as const;
export const NUMBERS = 0;
export const ANCHORS = 1;
export const WORDS = 2;

/// The features of one text unit.
export interface Unit {
  /// Length in characters (UTF-16 code units, white space runs counted once).
  length: number;
  /// Per channel, sorted distinct keys.
  keys: Int32Array[];
  /// Sorted distinct content words (French: folded plural; English: same as the words channel),
  /// as interned keys: what a lexicon is learned from and looked up with.
  content: Int32Array;
}

/// Interns strings as small integers shared by both sides.
export class Interner {
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.keys.length));
      this.keys.push(key);
    }
    return id;
  }
  /// The key of an id.
  key(id: number): string {
    return this.keys[id]!;
  }
}

const PREFIX = 4;
const PUNCTUATION: Array<[RegExp, string]> = [
  [/\?/, "?"],
  [/!/, "!"],
  [/[«»“”"]/, "quote"],
  [/\(/, "("],
  [/%/, "%"],
  [/[$€£]/, "currency"],
];

function sorted(set: Set<number>): Int32Array {
  const a = Int32Array.from(set);
  a.sort();
  return a;
}

/// Computes the features of `text` for side `lang`; French words are looked up in `lexicon`.
export function unitFeatures(text: string, lang: "fr" | "en", interner: Interner, lexicon: Lexicon | undefined): Unit {
  const numbers = new Set<number>();
  const anchors = new Set<number>();
  const words = new Set<number>();
  const content = new Set<number>();
  for (const { text: raw, number } of tokens(text)) {
    if (number !== null) {
      if (number.length > 0) numbers.add(interner.id("#" + number));
      continue;
    }
    const lower = lexiconWord(raw);
    if (STOPWORDS.has(lower)) continue;
    const folded = fold(raw);
    if (folded.length >= PREFIX) anchors.add(interner.id("~" + folded.slice(0, PREFIX)));
    else if (/^\p{Lu}/u.test(raw) && raw.length >= 2) anchors.add(interner.id("=" + folded));
    if (lower.length < 2) continue;
    if (lang === "en") {
      const id = interner.id("w" + englishStem(lower));
      words.add(id);
      content.add(id);
    } else {
      content.add(interner.id("f" + frenchStem(lower)));
      if (lexicon) {
        const translations = lexicon.get(lower) ?? lexicon.get(frenchStem(lower));
        if (translations) for (const en of translations) words.add(interner.id("w" + englishStem(en)));
      }
    }
  }
  for (const [re, key] of PUNCTUATION) if (re.test(text)) anchors.add(interner.id("p" + key));
  return { length: text.replace(/\s+/g, " ").length, keys: [sorted(numbers), sorted(anchors), sorted(words)], content: sorted(content) };
}

/// French units whose words channel also holds the English words that `learned` (French content
/// key → English word keys) gives for their content words.
export function withTranslations(units: readonly Unit[], learned: ReadonlyMap<number, readonly number[]>): Unit[] {
  return units.map((u) => {
    const words = new Set<number>(u.keys[WORDS]);
    for (const f of u.content) {
      const ens = learned.get(f);
      if (ens) for (const e of ens) words.add(e);
    }
    if (words.size === u.keys[WORDS]!.length) return u;
    const keys = u.keys.slice();
    keys[WORDS] = sorted(words);
    return { ...u, keys };
  });
}

/// Size of the intersection of two sorted arrays.
export function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}
