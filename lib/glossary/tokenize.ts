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

const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;

/// Cut `text` into word tokens, in order. Linear in the length of the text.
export function tokenize(text: string, lang: Lang): WordToken[] {
  const out: WordToken[] = [];
  const re = new RegExp(WORD_RUN.source, WORD_RUN.flags);
  let prevEnd = -1;
  let forceBreak = false;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    let gap: Gap = 'break';
    let sep = '';
    if (prevEnd >= 0) {
      const width = start - prevEnd;
      const c = text.charCodeAt(prevEnd);
      const prev = out[out.length - 1];
      if (width === 1 && isApostropheCode(c) && prev !== undefined && prev.end === prevEnd && !forceBreak) {
        if (lang === 'fr' && !prev.elision && FRENCH_ELISIONS.has(prev.text.toLowerCase())) {
          prev.end = prevEnd + 1;
          prev.text = text.slice(prev.start, prev.end);
          prev.elision = true;
          gap = 'elision';
        } else if (lang === 'en' && (m[0] === 's' || m[0] === 'S')) {
          // A possessive: drop the "'s"; whatever follows is not part of the same term.
          prevEnd = end;
          forceBreak = true;
          continue;
        } else if (!prev.elision) {
          prev.end = end;
          prev.text = text.slice(prev.start, end);
          prevEnd = end;
          continue;
        }
      } else if (width === 1 && isHyphenCode(c)) {
        gap = 'hyphen';
      } else {
        gap = 'space';
        for (let i = prevEnd; i < start; i++) {
          const d = text.charCodeAt(i);
          if (!isSpaceCode(d)) {
            gap = 'break';
            sep += text[i];
          }
        }
      }
    }
    if (forceBreak) {
      gap = 'break';
      if (sep === '') sep = "'s";
      forceBreak = false;
    }
    out.push({ start, end, text: m[0], gap, sep, elision: false });
    prevEnd = end;
  }
  return out;
}
