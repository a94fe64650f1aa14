/// Seeded randomness for the property tests of lib/corrections: the same seed gives the same
/// cases on every run, so a failure can be replayed.

export { mulberry32 } from "../../support/random";

/// A random integer in [0, n).
export const below = (random: () => number, n: number) => Math.floor(random() * n);

/// A random element of a list.
export const pick = <T>(random: () => number, list: readonly T[]): T => list[below(random, list.length)];

/// French-looking words, with accents, elisions, a hyphenated compound and astral characters.
export const WORDS = [
  "le", "la", "les", "des", "écart", "l'écart", "d'abord", "élargi", "commis", "comblé", "États-Unis",
  "été", "où", "garçon", "cœur", "façon", "déjà", "très", "île", "naïf", "Noël", "à", "ça", "puis",
  "😀", "🇫🇷", "pâté", "forêt", "aujourd'hui", "commissaire",
];

/// Separators between words: plain, no-break and narrow no-break spaces, French punctuation.
export const SEPARATORS = [" ", " ", " ", " ", "\u00a0", "\u202f;\u00a0", " : ", ", ", " « ", " » "];

/// A random French-looking text of `min` to `max` words (NFC).
export function frenchText(random: () => number, min = 2, max = 8): string {
  const n = min + below(random, max - min + 1);
  let text = pick(random, WORDS);
  for (let i = 1; i < n; i++) text += pick(random, SEPARATORS) + pick(random, WORDS);
  return text.normalize("NFC");
}

/// The offsets of `text` that do not split a surrogate pair, 0 and `text.length` included.
export function boundaries(text: string): number[] {
  const out = [0];
  for (const c of text) out.push(out[out.length - 1] + c.length);
  return out;
}
