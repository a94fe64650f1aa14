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

/// Sorted distinct integer keys for each of a side's units, all in one array (row i is
/// data[start[i] .. start[i + 1]]): a few typed arrays for a whole text, whatever its length.
export class KeyTable {
  constructor(
    readonly data: Int32Array,
    readonly start: Int32Array,
  ) {}

  /// Number of keys of unit `i`.
  size(i: number): number {
    return this.start[i + 1]! - this.start[i]!;
  }

  /// The keys of unit `i` (a view, not a copy).
  row(i: number): Int32Array {
    return this.data.subarray(this.start[i]!, this.start[i + 1]!);
  }

  /// A table built row by row: `fill(i, add)` adds the keys of row i, in any order, repeats allowed.
  static build(rows: number, fill: (i: number, add: (key: number) => void) => void): KeyTable {
    let data = new Int32Array(Math.max(16, rows * 8));
    const start = new Int32Array(rows + 1);
    let size = 0;
    const add = (key: number) => {
      if (size === data.length) {
        const bigger = new Int32Array(data.length * 2);
        bigger.set(data);
        data = bigger;
      }
      data[size++] = key;
    };
    for (let i = 0; i < rows; i++) {
      const from = size;
      fill(i, add);
      // Sort the row and drop repeats.
      const row = data.subarray(from, size).sort();
      let w = from;
      for (let k = 0; k < row.length; k++) if (k === 0 || row[k] !== row[k - 1]) data[w++] = row[k]!;
      size = w;
      start[i + 1] = size;
    }
    return new KeyTable(data.slice(0, size), start);
  }
}

/// Size of the intersection of row `i` of `a` and row `j` of `b`.
export function overlapRows(a: KeyTable, i: number, b: KeyTable, j: number): number {
  const ad = a.data;
  const bd = b.data;
  let x = a.start[i]!;
  const xe = a.start[i + 1]!;
  let y = b.start[j]!;
  const ye = b.start[j + 1]!;
  let n = 0;
  while (x < xe && y < ye) {
    const u = ad[x]!;
    const v = bd[y]!;
    if (u === v) {
      n++;
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  return n;
}

/// The features of one side of a text: per unit, its length and its keys.
export interface SideFeatures {
  count: number;
  /// Length of each unit in characters (UTF-16 code units, white space runs counted once).
  lengths: Float64Array;
  /// Per channel (see CHANNELS), each unit's keys.
  keys: KeyTable[];
  /// Each unit's content words (French: plural folded; English: as in the words channel), as
  /// interned keys: what a lexicon is learned from.
  content: KeyTable;
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

interface UnitKeys {
  numbers: number[];
  anchors: number[];
  words: number[];
  content: number[];
}

/// What one word form contributes to its unit's keys (−1: nothing).
interface FormKeys {
  number: number;
  anchor: number;
  word: number;
  content: number;
  translations: readonly number[] | null;
}

/// The keys a word form gives on side `lang`.
function formKeys(raw: string, number: string | null, lang: "fr" | "en", interner: Interner, lexicon: Lexicon | undefined): FormKeys {
  const out: FormKeys = { number: -1, anchor: -1, word: -1, content: -1, translations: null };
  if (number !== null) {
    if (number.length > 0) out.number = interner.id("#" + number);
    return out;
  }
  const lower = lexiconWord(raw);
  if (STOPWORDS.has(lower)) return out;
  const folded = fold(raw);
  if (folded.length >= PREFIX) out.anchor = interner.id("~" + folded.slice(0, PREFIX));
  else if (/^\p{Lu}/u.test(raw) && raw.length >= 2) out.anchor = interner.id("=" + folded);
  if (lower.length < 2) return out;
  if (lang === "en") {
    out.word = out.content = interner.id("w" + englishStem(lower));
  } else {
    out.content = interner.id("f" + frenchStem(lower));
    const translations = lexicon && (lexicon.get(lower) ?? lexicon.get(frenchStem(lower)));
    if (translations) out.translations = translations.map((en) => interner.id("w" + englishStem(en)));
  }
  return out;
}

/// The keys of one unit of side `lang`; `forms` caches each word form's keys.
function unitKeys(text: string, lang: "fr" | "en", interner: Interner, lexicon: Lexicon | undefined, forms: Map<string, FormKeys>): UnitKeys {
  const out: UnitKeys = { numbers: [], anchors: [], words: [], content: [] };
  for (const { text: raw, number } of tokens(text)) {
    let k = forms.get(raw);
    if (!k) forms.set(raw, (k = formKeys(raw, number, lang, interner, lexicon)));
    if (k.number >= 0) out.numbers.push(k.number);
    if (k.anchor >= 0) out.anchors.push(k.anchor);
    if (k.word >= 0) out.words.push(k.word);
    if (k.content >= 0) out.content.push(k.content);
    if (k.translations) out.words.push(...k.translations);
  }
  for (const [re, key] of PUNCTUATION) if (re.test(text)) out.anchors.push(interner.id("p" + key));
  return out;
}

/// Computes the features of the units `texts` of side `lang`; French words are looked up in `lexicon`.
export function sideFeatures(texts: readonly string[], lang: "fr" | "en", interner: Interner, lexicon: Lexicon | undefined): SideFeatures {
  const count = texts.length;
  const lengths = Float64Array.from(texts, (t) => t.replace(/\s+/g, " ").length);
  const forms = new Map<string, FormKeys>();
  const units = texts.map((t) => unitKeys(t, lang, interner, lexicon, forms));
  const table = (field: keyof UnitKeys) => KeyTable.build(count, (i, add) => units[i]![field].forEach(add));
  return { count, lengths, keys: [table("numbers"), table("anchors"), table("words")], content: table("content") };
}

/// The French side with its words channel also holding the English words that `learned`
/// (French content key → English word keys) gives for its content words.
export function withTranslations(side: SideFeatures, learned: ReadonlyMap<number, readonly number[]>): SideFeatures {
  const words = side.keys[WORDS]!;
  const table = KeyTable.build(side.count, (i, add) => {
    for (let k = words.start[i]!; k < words.start[i + 1]!; k++) add(words.data[k]!);
    for (let k = side.content.start[i]!; k < side.content.start[i + 1]!; k++) {
      const ens = learned.get(side.content.data[k]!);
      if (ens) for (const e of ens) add(e);
    }
  });
  const keys = side.keys.slice();
  keys[WORDS] = table;
  return { ...side, keys };
}
