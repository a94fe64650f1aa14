/// French spelling against a real dictionary (a `Speller` the server prepares from Hunspell).
/// Names of the aligned English or the glossary, numbers, codes (A100, V3), URLs, acronyms and
/// words with inner capitals are never spelling errors. A word that is two known words run
/// together ("faitvaloir") gets them split back as its replacement.

import { englishWordsOf, flagOf, frenchWordsOf, memo, type Rule, type Unit } from "../rule";
import { foldWord, hasInnerCapital, inSpans, isAllCaps, isCapitalized, isSentenceStart, LETTERS_ONLY, protectedSpans, wordsOf } from "../text";
import type { CheckEnvironment, Speller } from "../types";
import { lowerCaseEnglishWords, untranslatedWords } from "./crosslingual";

/// French elisions written before a word ("l'", "qu'", "jusqu'").
const ELISION = /^(?:[lLdDjJmMnNsStTcC]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu|[qQ]uoiqu)['’]/u;

/// The part of a word a dictionary judges: elision removed.
export function dictionaryForm(word: string): string {
  return word.includes("'") || word.includes("’") ? word.replace(ELISION, "") : word;
}

/// The words of `paragraphs` a speller must be asked about (`spellingQueries`), and for the
/// unknown ones, the halves of their splits (`splitQueries`).
export function spellingQueries(paragraphs: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of paragraphs) {
    for (const w of wordsOf(p)) {
      const form = dictionaryForm(w.text);
      if (!LETTERS_ONLY.test(form)) continue;
      out.add(form);
      if (/[-‐]/u.test(form)) for (const part of form.split(/[-‐]/u)) if (part) out.add(part);
      if (isCapitalized(form)) out.add(form.toLowerCase());
    }
  }
  return [...out];
}

/// The two halves of every split of `word` into parts of two letters or more ("à" and "y" too).
export function splitCandidates(word: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const chars = [...word];
  for (let i = 1; i < chars.length; i++) {
    const a = chars.slice(0, i).join("");
    const b = chars.slice(i).join("");
    if ((a.length >= 2 || /^[àay]$/u.test(a)) && (b.length >= 2 || /^[àay]$/u.test(b))) out.push([a, b]);
  }
  return out;
}

/// The halves a speller must also be asked about once it has said which words are unknown.
export function splitQueries(unknown: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const w of unknown) {
    if (w.length < 5 || w.length > 40) continue;
    for (const [a, b] of splitCandidates(w)) {
      out.add(a);
      out.add(b);
    }
  }
  return [...out];
}

/// Halves that make poor splits: two letters or fewer that are not words French glues by
/// mistake, and suffixes that are also words ("inadvertancement" is not "inadvertance ment").
const WEAK_HALF = /^(?:[bcdfghjklmnpqrstvwxz]{1,2}|[aeiouy]{1,2})$/u;
const SUFFIX_HALF = new Set(["ment", "ments", "tion", "tions", "sion", "ion", "ions", "able", "ables", "isme", "iste", "eur", "eurs", "ant", "ante", "ants", "ité", "ités", "aire", "ique", "if", "ive", "ier", "ière", "age", "ages", "ence", "ance", "ement", "ai", "ais", "ait", "er", "ez", "ons", "ent", "es", "se", "ses", "te", "tes"]);

function splitOf(word: string, speller: Speller): string | undefined {
  let best: string | undefined;
  let bestScore = -1;
  for (const [a, b] of splitCandidates(word)) {
    if (WEAK_HALF.test(a) || WEAK_HALF.test(b) || SUFFIX_HALF.has(b)) continue;
    if (speller.isKnown(a) !== true || speller.isKnown(b) !== true) continue;
    const score = Math.min(a.length, b.length);
    if (score > bestScore) {
      best = `${a} ${b}`;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore >= 2 ? best : undefined;
}

interface Misspelling {
  start: number;
  end: number;
  word: string;
  split?: string;
}

function knownWord(form: string, speller: Speller): boolean | undefined {
  const direct = speller.isKnown(form);
  if (direct !== false) return direct;
  if (/[-‐]/u.test(form)) {
    // A hyphenated compound of known words ("est-ce", "dit-il", "sino-américain").
    const parts = form.split(/[-‐]/u).filter(Boolean);
    if (parts.length > 1 && parts.every((p) => speller.isKnown(p) === true || speller.isKnown(p.toLowerCase()) === true)) return true;
  }
  return false;
}

function misspellings(unit: Unit, env: CheckEnvironment): Misspelling[] {
  return memo(unit, "misspellings", () => {
    const speller = env.speller;
    if (!speller) return [];
    const text = unit.fr;
    const out: Misspelling[] = [];
    // Most words are known: the rest of the checks run only for the others.
    const candidates = frenchWordsOf(unit).filter((w) => speller.isKnown(dictionaryForm(w.text)) === false);
    if (candidates.length === 0) return out;
    const skip = protectedSpans(text);
    const enNames = new Set(englishWordsOf(unit).map((w) => foldWord(w.text.replace(/['’]s$/u, ""))));
    const enWords = memo(unit, "lowerEnglish", () => lowerCaseEnglishWords(englishWordsOf(unit)));
    const untranslated = new Set(unit.en ? untranslatedWords(unit, env, enWords).map((w) => w.start) : []);
    const glossaryWords = glossaryWordSet(env);
    for (const w of candidates) {
      const form = dictionaryForm(w.text);
      if (!LETTERS_ONLY.test(form) || form.length < 2) continue;
      if (isAllCaps(form) || hasInnerCapital(form)) continue;
      if (inSpans(skip, w.start, w.end) || untranslated.has(w.start)) continue;
      const capital = isCapitalized(form);
      // A capitalised word: a name unless it starts a sentence (then judge its lower case).
      if (capital && !isSentenceStart(text, w.start) && w.start !== 0) continue;
      if (enNames.has(foldWord(form)) || glossaryWords.has(form.toLowerCase())) continue;
      let known = knownWord(form, speller);
      if (known === false && capital) known = knownWord(form.toLowerCase(), speller);
      if (known !== false) continue;
      if (capital) continue; // a sentence-initial name the dictionary lacks
      const start = w.start + (w.text.length - form.length);
      const split = splitOf(form, speller);
      out.push({ start, end: w.end, word: form, ...(split ? { split } : {}) });
    }
    return out;
  });
}

const GLOSSARY_WORDS = new WeakMap<object, Set<string>>();

function glossaryWordSet(env: CheckEnvironment): ReadonlySet<string> {
  const g = env.glossary;
  if (!g) return new Set();
  let set = GLOSSARY_WORDS.get(g);
  if (!set) {
    set = new Set();
    for (const entry of g.entries.values()) {
      for (const lang of ["fr", "en"] as const) {
        for (const t of entry.langs[lang]?.terms ?? []) {
          // Only the glossary's preferred and admitted terms vouch for a spelling.
          if (t.status === "deprecated") continue;
          for (const w of wordsOf(t.text)) set.add(dictionaryForm(w.text).toLowerCase());
        }
      }
    }
    GLOSSARY_WORDS.set(g, set);
  }
  return set;
}

/// A spelling rule over the misspellings with (`split`) or without a known split.
function spellingRule(id: string, split: boolean): Rule {
  return {
    id,
    category: "fluency/spelling",
    severity: "minor",
    defaultOn: true,
    engine: "speller",
    run(unit, env) {
      return misspellings(unit, env)
        .filter((m) => (m.split !== undefined) === split)
        .map((m) =>
          m.split === undefined
            ? flagOf(this, unit, m.start, m.end, "unknownWord", { word: m.word })
            : flagOf(this, unit, m.start, m.end, "runTogether", { word: m.word, split: m.split }, { replacement: m.split }),
        );
    },
  };
}

export const unknownWord = spellingRule("spelling/unknown-word", false);
export const runTogether = spellingRule("spelling/run-together", true);

export const spellingRules: readonly Rule[] = [unknownWord, runTogether];

/// A speller over a fixed set of known words (tests, and a fallback built from a word list).
export function wordListSpeller(known: Iterable<string>, askedAbout?: Iterable<string>): Speller {
  const set = new Set(known);
  const asked = askedAbout ? new Set(askedAbout) : undefined;
  return {
    isKnown(word) {
      if (asked && !asked.has(word) && !set.has(word)) return undefined;
      return set.has(word);
    },
  };
}
