/// Word tokens for term matching: runs of letters, marks and digits with their UTF-16 offsets,
/// and what separates each token from the one before it.
///
/// The same tokenizer cuts both the glossary's terms and the text they are looked for in, so the
/// two always agree on where words start and end. It never looks inside a run, which is why a
/// term can only match whole words ("commis" never matches inside "commissaire").
///
/// Apostrophes between two runs are read by language:
/// - French elision: `l'`, `d'`, `j'`, `m'`, `n'`, `s'`, `t'`, `c'`, `qu'`, `jusqu'`, `lorsqu'`,
///   `puisqu'`, `quoiqu'` become a token of their own (apostrophe included, flagged `elision`),
///   so "l'exportation" is the two tokens `l'` and `exportation`;
/// - English possessive: the `'s` of "China's" is dropped and the next token starts after a
///   `break` (a possessive never sits inside a term);
/// - anything else ("aujourd'hui", "don't") stays one token.
/// Straight ('), typographic (’ ‘) and modifier (ʼ) apostrophes are all accepted.
///
/// `tokenize` gives one object per token; `scanWords` gives the same tokens as parallel arrays,
/// for the matcher, which scans long texts.

import type { Lang } from './model';

/// What separates a token from the previous one: only white space (`space`), one hyphen
/// (`hyphen`: "semi-conducteur"), an elided article or preposition (`elision`: after "l'"),
/// or anything else (`break`: punctuation, the start of the text, a possessive).
export type Gap = 'space' | 'hyphen' | 'elision' | 'break';

/// One word of a text.
export interface WordToken {
  /// UTF-16 offset of the first code unit.
  start: number;
  /// UTF-16 offset just past the last code unit (exclusive).
  end: number;
  /// The token as written (for an elision, with its apostrophe: "l’").
  text: string;
  /// What separates it from the previous token.
  gap: Gap;
  /// For a `break`, the separating characters with white space removed ("," or "&"); else "".
  sep: string;
  /// True for an elided French article, preposition or pronoun ("l'", "d'", "qu'").
  elision: boolean;
}

/// French words that elide before a vowel, written without their apostrophe, lower case.
export const FRENCH_ELISIONS: ReadonlySet<string> = new Set([
  'l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu',
]);

/// True for the code of an apostrophe: ' ’ ‘ ʼ.
export function isApostropheCode(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x2bc;
}

/// True for the code of a hyphen that joins the parts of a compound: - ‐ ‑.
export function isHyphenCode(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

/// True for the code of a white-space character, including the no-break spaces French
/// typography puts before « ; : ! ? » and inside numbers.
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]+$/u;
/// Per ASCII code: 1 for a letter or digit.
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0,
);
/// Per BMP code unit: 0 not yet known, 1 word character, 2 not.
const WORD_TABLE = new Uint8Array(65536);

/// True if the code unit at `i` (with its low surrogate, if any) is a letter, mark or digit.
function wordCharAt(text: string, i: number, c: number): number {
  if (c < 0x80) return ASCII_WORD[c]!;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
    return 0;
  }
  let k = WORD_TABLE[c]!;
  if (k === 0) {
    k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_TABLE[c] = k;
  }
  return k === 1 ? 1 : 0;
}

/// Gap kinds as stored in a `WordScan`.
export const GAP_SPACE = 0;
export const GAP_HYPHEN = 1;
export const GAP_ELISION = 2;
export const GAP_BREAK = 3;

const GAP_NAMES: readonly Gap[] = ['space', 'hyphen', 'elision', 'break'];

/// The tokens of a text as parallel arrays (what `tokenize` returns as objects), for callers
/// that scan long texts and would rather not allocate an object or a string per word.
export interface WordScan {
  /// The text scanned.
  text: string;
  /// Number of tokens.
  count: number;
  /// Per token: UTF-16 start offset.
  starts: Int32Array;
  /// Per token: UTF-16 end offset (exclusive).
  ends: Int32Array;
  /// Per token: the gap before it (`GAP_SPACE`, `GAP_HYPHEN`, `GAP_ELISION`, `GAP_BREAK`).
  gaps: Uint8Array;
  /// Per token: 1 for an elision.
  elisions: Uint8Array;
  /// Per token: the separator of a break gap (white space removed), else "".
  seps: string[];
}

/// The text of token `i` of a scan.
export function tokenText(scan: WordScan, i: number): string {
  return scan.text.slice(scan.starts[i]!, scan.ends[i]!);
}

function grown<T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T {
  const b = make(a.length * 2);
  b.set(a);
  return b;
}

/// Cut `text` into word tokens, as parallel arrays. Linear in the length of the text. Pass a
/// previous scan as `reuse` to fill its arrays again instead of allocating new ones (the
/// previous scan is then overwritten: only for callers that are done with it).
export function scanWords(text: string, lang: Lang, reuse?: WordScan): WordScan {
  const n = text.length;
  let cap = (n >> 2) + 16;
  let starts: Int32Array;
  let ends: Int32Array;
  let gaps: Uint8Array;
  let elisions: Uint8Array;
  let seps: string[];
  if (reuse !== undefined && reuse.starts.length >= cap) {
    cap = reuse.starts.length;
    ({ starts, ends, gaps, elisions } = reuse);
    elisions.fill(0);
    seps = reuse.seps;
    seps.length = 0;
  } else {
    starts = new Int32Array(cap);
    ends = new Int32Array(cap);
    gaps = new Uint8Array(cap);
    elisions = new Uint8Array(cap);
    seps = [];
  }
  let count = 0;
  let prevEnd = -1;
  let forceBreak = false;
  let i = 0;
  while (i < n) {
    // Find the next run of word characters: [start, end).
    const c0 = text.charCodeAt(i);
    let w = c0 < 0x80 ? ASCII_WORD[c0]! : wordCharAt(text, i, c0);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    while (w > 0) {
      i += w;
      if (i >= n) break;
      const c = text.charCodeAt(i);
      w = c < 0x80 ? ASCII_WORD[c]! : wordCharAt(text, i, c);
    }
    const end = i;
    let gap = GAP_BREAK;
    let sep = '';
    if (prevEnd >= 0) {
      const width = start - prevEnd;
      const c = text.charCodeAt(prevEnd);
      const p = count - 1;
      if (width === 1 && isApostropheCode(c) && count > 0 && ends[p] === prevEnd && !forceBreak) {
        const prevLength = prevEnd - starts[p]!;
        if (
          lang === 'fr' &&
          elisions[p] === 0 &&
          prevLength <= 6 &&
          FRENCH_ELISIONS.has(text.slice(starts[p]!, prevEnd).toLowerCase())
        ) {
          ends[p] = prevEnd + 1;
          elisions[p] = 1;
          gap = GAP_ELISION;
        } else if (lang === 'en' && end - start === 1 && (text[start] === 's' || text[start] === 'S')) {
          // A possessive: drop the "'s"; whatever follows is not part of the same term.
          prevEnd = end;
          forceBreak = true;
          continue;
        } else if (elisions[p] === 0) {
          ends[p] = end;
          prevEnd = end;
          continue;
        }
      } else if (width === 1 && isHyphenCode(c)) {
        gap = GAP_HYPHEN;
      } else if (width === 1 && c === 0x20) {
        gap = GAP_SPACE;
      } else {
        gap = GAP_SPACE;
        for (let k = prevEnd; k < start; k++) {
          const d = text.charCodeAt(k);
          if (!isSpaceCode(d)) {
            gap = GAP_BREAK;
            sep += text[k];
          }
        }
      }
    }
    if (forceBreak) {
      gap = GAP_BREAK;
      if (sep === '') sep = "'s";
      forceBreak = false;
    }
    if (count === cap) {
      cap *= 2;
      starts = grown(starts, (k) => new Int32Array(k));
      ends = grown(ends, (k) => new Int32Array(k));
      gaps = grown(gaps, (k) => new Uint8Array(k));
      elisions = grown(elisions, (k) => new Uint8Array(k));
    }
    starts[count] = start;
    ends[count] = end;
    gaps[count] = gap;
    seps.push(sep);
    count++;
    prevEnd = end;
  }
  if (reuse !== undefined) {
    reuse.text = text;
    reuse.count = count;
    reuse.starts = starts;
    reuse.ends = ends;
    reuse.gaps = gaps;
    reuse.elisions = elisions;
    reuse.seps = seps;
    return reuse;
  }
  return { text, count, starts, ends, gaps, elisions, seps };
}

/// Cut `text` into word tokens, in order. Linear in the length of the text.
export function tokenize(text: string, lang: Lang): WordToken[] {
  const s = scanWords(text, lang);
  const out: WordToken[] = new Array(s.count);
  for (let i = 0; i < s.count; i++) {
    out[i] = {
      start: s.starts[i]!,
      end: s.ends[i]!,
      text: tokenText(s, i),
      gap: GAP_NAMES[s.gaps[i]!]!,
      sep: s.seps[i]!,
      elision: s.elisions[i] === 1,
    };
  }
  return out;
}
