/// Words as the aligner sees them: lower case, NFC, with a few normalised shapes (numbers without
/// group separators, English plurals folded) so that evidence found on one side can be looked
/// for on the other.

/// French and English words too frequent to say anything about which paragraph matches which.
export const STOPWORDS = new Set(
  (
    "le la les un une des du de d l à au aux et ou en dans sur sous par pour avec sans ne pas plus que qui quoi dont où ce cet cette ces " +
    "son sa ses leur leurs notre nos votre vos mon ma mes ton ta tes il elle ils elles on nous vous je tu se s y lui eux est sont été être " +
    "a ont avait avoir fait faire mais donc car si tout tous toute toutes même aussi bien très comme entre vers chez après avant lors " +
    "the a an of to in on at by for with from and or but not no is are was were be been being has have had do does did it its this that " +
    "these those he she they we you i his her their our your my as if than then so such into over under about also which who whom what " +
    "all any each other more most can could would should may might must shall will there here when where while"
  ).split(" "),
);

/// Lower case without accents ("Dignité" → "dignite").
export function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");
}

/// A word as lexicons key it: lower case, NFC, apostrophes straightened.
export function lexiconWord(word: string): string {
  return word.normalize("NFC").toLowerCase().replace(/’/g, "'");
}

/// An English word with its plural or possessive folded ("rights" → "right").
export function englishStem(word: string): string {
  let w = word.replace(/'s$/, "");
  if (w.length > 4 && w.endsWith("ies")) w = w.slice(0, -3) + "y";
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  return w;
}

/// A French word with its plural folded ("droits" → "droit").
export function frenchStem(word: string): string {
  if (word.length > 3 && (word.endsWith("s") || word.endsWith("x")) && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/// A token of a text: its surface form, and for a number its digits alone.
export interface Token {
  text: string;
  /// Digits only, for numbers ("1.000" → "1000", "3,5" → "35"); null for words.
  number: string | null;
}

// Numbers with their group and decimal separators (no ordinary space: "en 2019 3 pays" is two),
// or runs of letters (elisions and hyphens split words: "l'homme" → "l", "homme").
const TOKEN = /(\p{N}+(?:[.,\u00a0\u202f]\p{N}+)*)|\p{L}+/gu;

/// The word and number tokens of a text.
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    out.push({ text: m[0], number: m[1] === undefined ? null : m[1].replace(/[^\p{N}]/gu, "") });
  }
  return out;
}
