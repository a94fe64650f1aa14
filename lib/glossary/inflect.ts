/// Fitting a suggested term to the words it replaces: same number (singular or plural) and
/// same capitals at the start, so that "de jetons" can become "de puces" and "Jetons" "Puces".
///
/// Number follows the head of the replaced words: in French the first content word (the last
/// part of it if hyphenated: "semi-conducteurs"), in English the last content word before the
/// first connector ("controls" in "export controls", "proof" in "proof of concept"). The
/// replacement's words that agree with that head are inflected by the simple rules of
/// `normalize.ts` — in French every content word before the first connector (noun and adjectives:
/// "puce avancée" → "puces avancées"), in English the head only. Proper names, abbreviations,
/// acronyms and words with capitals or digits are never inflected. Gender is not adapted.

import type { Lang, Term } from './model';
import { isConnector, plural, singular, wordKeys } from './normalize';
import { tokenize, type WordToken } from './tokenize';

/// Indices of the tokens of the first run of content words (up to the first connector).
function firstRun(tokens: readonly WordToken[], lang: Lang): number[] {
  const run: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const connector = t.elision || isConnector(t.text, lang);
    if (connector) {
      if (run.length > 0) break;
      continue;
    }
    if (run.length > 0 && t.gap === 'break') break;
    run.push(i);
  }
  return run;
}

/// The tokens that carry the number of a term or phrase, and the head among them.
function agreeing(tokens: readonly WordToken[], lang: Lang): { head: number; words: number[] } | undefined {
  const run = firstRun(tokens, lang);
  if (run.length === 0) return undefined;
  // Last part of each hyphenated group in the run.
  const lastParts = run.filter((i, k) => run[k + 1] !== i + 1 || tokens[i + 1]!.gap !== 'hyphen');
  if (lang === 'en') {
    const head = lastParts[lastParts.length - 1]!;
    return { head, words: [head] };
  }
  return { head: lastParts[0]!, words: lastParts };
}

const CAPITAL_OR_DIGIT = /[\p{Lu}\p{N}]/u;
const FIRST_LETTER = /\p{L}/u;

/// `replacement`'s text in the number of `found` (the words of the text it replaces).
export function agreeInNumber(replacement: Term, found: string, lang: Lang): string {
  const text = replacement.text;
  if (replacement.partOfSpeech === 'properNoun') return text;
  if (replacement.termType === 'abbreviation' || replacement.termType === 'acronym') return text;
  const foundTokens = tokenize(found, lang);
  const target = agreeing(foundTokens, lang);
  const tokens = tokenize(text, lang);
  const own = agreeing(tokens, lang);
  if (target === undefined || own === undefined) return text;
  const wantPlural = wordKeys(foundTokens[target.head]!.text, lang).plural;
  const isPlural = wordKeys(tokens[own.head]!.text, lang).plural;
  if (wantPlural === isPlural) return text;
  let out = text;
  for (let k = own.words.length - 1; k >= 0; k--) {
    const t = tokens[own.words[k]!]!;
    if (CAPITAL_OR_DIGIT.test(t.text)) continue;
    const word = wantPlural ? plural(t.text, lang) : singular(t.text, lang);
    out = out.slice(0, t.start) + word + out.slice(t.end);
  }
  return out;
}

/// `text` with the capitals `found` has at its start: capitalised if `found` starts with a
/// capital that the term does not have ("Jetons" → "Puces"), all in capitals if `found` is.
export function matchCapitals(text: string, found: string, termText: string): string {
  const f = FIRST_LETTER.exec(found);
  const t = FIRST_LETTER.exec(termText);
  const r = FIRST_LETTER.exec(text);
  if (!f || !t || !r) return text;
  const foundUpper = f[0] !== f[0].toLowerCase();
  const termUpper = t[0] !== t[0].toLowerCase();
  if (!foundUpper || termUpper) return text;
  const letters = found.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return text.toUpperCase();
  return text.slice(0, r.index) + r[0].toUpperCase() + text.slice(r.index + r[0].length);
}

/// The suggestion to replace `found` by the glossary term `replacement`: in the number of
/// `found`, with its initial capital.
export function fitReplacement(replacement: Term, found: string, lang: Lang, foundTerm: Term): string {
  return matchCapitals(agreeInNumber(replacement, found, lang), found, foundTerm.text);
}
