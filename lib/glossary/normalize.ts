/// Word normalisation for term matching: apostrophes, ligatures, case, accents, plural endings,
/// and the function words ("connectors") that may vary inside a multiword term.
///
/// Every word, of a term or of a text, is reduced to a few keys (`wordKeys`):
/// - `folded`: the word in the singular, case and accents kept ("Contrôles" → "Contrôle");
/// - `lower`: `folded` in lower case with œ/æ spelt out — equal keys mean "same word, same accents";
/// - `loose`: `lower` without accents — what the term index is keyed on, so "entrainement"
///   finds "entraînement" (the match then says it is not exact);
/// - `casedLoose`: `folded` without accents but with its case — how proper names are compared.
///
/// Plural folding is a pair of simple suffix rules applied alike to terms and to text, so a word
/// and its plural meet even when the rule makes a non-word of them:
/// - French: -eaux → -eau, -aux → -al (words of five letters or more), else a final -s or -x goes;
/// - English: -ies → -y, -sses/-xes/-ches/-shes lose -es, a final -s goes unless the word ends
///   in -ss, -us or -is;
/// - both: an acronym's lower-case plural -s goes ("GPUs" → "GPU"); words under three letters
///   and numbers are left alone.
/// Irregular plurals ("travail"/"travaux", "analysis"/"analyses") and gender are not folded.

import type { Lang } from './model';

/// Function words that may be present, absent or different between the content words of a
/// multiword term, lower case, apostrophes straight: "contrôles d'exportation", "contrôle à
/// l'exportation" and "contrôles des exportations" all have the content words contrôle + exportation.
export const CONNECTORS: Readonly<Record<Lang, ReadonlySet<string>>> = {
  fr: new Set(['de', 'du', 'des', "d'", 'à', 'au', 'aux', "l'", 'la', 'le', 'les', 'en', 'pour']),
  en: new Set(['of', 'the', 'for']),
};

/// The preposition a French or English connector carries, articles dropped ("des" → "de",
/// "aux" → "à", "l'" → ""), used to rank connector sequences that are not identical.
const PREPOSITION: ReadonlyMap<string, string> = new Map([
  ['de', 'de'], ['du', 'de'], ['des', 'de'], ["d'", 'de'], ['à', 'à'], ['au', 'à'], ['aux', 'à'], ['en', 'en'], ['pour', 'pour'],
  ['of', 'of'], ['for', 'for'],
]);

/// Replace typographic apostrophes (’ ‘ ʼ) by the straight one.
export function foldApostrophes(s: string): string {
  return s.replace(/[\u2019\u2018\u02bc]/g, "'");
}

/// Spell out the ligatures œ and æ (and their capitals), which are letters, not accents.
export function foldLigatures(s: string): string {
  return s.replace(/[œŒæÆ]/g, (c) => (c === 'œ' ? 'oe' : c === 'Œ' ? 'OE' : c === 'æ' ? 'ae' : 'AE'));
}

const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}/gu;

/// Remove accents and other combining marks ("entraînement" → "entrainement").
export function stripAccents(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return s.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/// The connector key of a word (lower case, straight apostrophes).
export function connectorKey(word: string): string {
  return foldApostrophes(word).toLowerCase();
}

/// True if `word` is a connector in `lang` ("d’", "Des", "of").
export function isConnector(word: string, lang: Lang): boolean {
  return CONNECTORS[lang].has(connectorKey(word));
}

/// The preposition a connector key carries ("des" → "de", "aux" → "à"), or undefined for an
/// article ("l'", "la", "the").
export function prepositionOf(connector: string): string | undefined {
  return PREPOSITION.get(connector);
}

/// The prepositions of a sequence of connector keys, articles dropped: ["à", "l'"] → ["à"].
export function prepositionsOf(connectors: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of connectors) {
    const p = PREPOSITION.get(c);
    if (p !== undefined) out.push(p);
  }
  return out;
}

const ACRONYM_PLURAL = /^[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*s$/u;
const DIGITS = /^\p{N}+$/u;

/// Replace the last `cut` characters of `word` by `add`, in upper case if the cut part was.
function swapSuffix(word: string, cut: number, add: string): string {
  const tail = cut > 0 ? word.slice(word.length - cut) : word.slice(-1);
  const upper = tail !== '' && tail === tail.toUpperCase() && tail !== tail.toLowerCase();
  return word.slice(0, word.length - cut) + (upper ? add.toUpperCase() : add);
}

/// The singular of `word` by the simple rules in the module comment; case is kept.
export function singular(word: string, lang: Lang): string {
  if (word.length < 3 || DIGITS.test(word)) return word;
  if (ACRONYM_PLURAL.test(word)) return word.slice(0, -1);
  const lower = word.toLowerCase();
  if (lang === 'fr') {
    if (lower.endsWith('eaux')) return word.slice(0, -1);
    if (lower.endsWith('aux') && lower.length >= 5) return swapSuffix(word, 2, 'l');
    if (lower.endsWith('s') || lower.endsWith('x')) return word.slice(0, -1);
    return word;
  }
  if (lower.endsWith('ies') && lower.length >= 4) return swapSuffix(word, 3, 'y');
  if (lower.endsWith('sses') || lower.endsWith('xes') || lower.endsWith('ches') || lower.endsWith('shes')) {
    return word.slice(0, -2);
  }
  if (lower.endsWith('ss') || lower.endsWith('us') || lower.endsWith('is')) return word;
  if (lower.endsWith('s')) return word.slice(0, -1);
  return word;
}

/// The plural of a singular `word` by the inverse rules (used to inflect a suggested term):
/// French adds -x after -eau/-au/-eu, turns -al into -aux and adds -s otherwise (words already
/// ending in -s, -x or -z stay); English turns consonant + y into -ies, adds -es after s, x, z,
/// ch and sh, and -s otherwise.
export function plural(word: string, lang: Lang): string {
  if (word === '' || DIGITS.test(word)) return word;
  const lower = word.toLowerCase();
  if (lang === 'fr') {
    if (/[sxz]$/.test(lower)) return word;
    if (/(eau|au|eu)$/.test(lower)) return swapSuffix(word, 0, 'x');
    if (lower.endsWith('al')) return swapSuffix(word, 1, 'ux');
    return swapSuffix(word, 0, 's');
  }
  if (/[^aeiou]y$/.test(lower)) return swapSuffix(word, 1, 'ies');
  if (/(s|x|z|ch|sh)$/.test(lower)) return swapSuffix(word, 0, 'es');
  return swapSuffix(word, 0, 's');
}

/// The matching keys of one word (see the module comment).
export interface WordKeys {
  /// Singular, case and accents kept.
  folded: string;
  /// `folded` in lower case, ligatures spelt out.
  lower: string;
  /// `lower` without accents.
  loose: string;
  /// `folded` without accents, ligatures spelt out, case kept.
  casedLoose: string;
  /// True if the word has an upper-case letter.
  hasUpper: boolean;
  /// True if the word has at least two letters and none in lower case ("IA", "DEEPSEEK").
  allCaps: boolean;
  /// True if plural folding changed the word.
  plural: boolean;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTERS2 = /\p{L}.*\p{L}/u;

/// Compute the keys of `word` (a token's text, no elision) in `lang`.
export function wordKeys(word: string, lang: Lang): WordKeys {
  const surface = foldApostrophes(word);
  const folded = singular(surface, lang);
  const lower = foldLigatures(folded.toLowerCase());
  const hasUpper = UPPER.test(surface);
  return {
    folded,
    lower,
    loose: stripAccents(lower),
    casedLoose: hasUpper ? stripAccents(foldLigatures(folded)) : stripAccents(lower),
    hasUpper,
    allCaps: hasUpper && !LOWER.test(surface) && LETTERS2.test(surface),
    plural: folded !== surface,
  };
}
