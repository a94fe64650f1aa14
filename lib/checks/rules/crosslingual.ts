/// Cross-lingual rules: the French paragraph read against its aligned English rendering. Numbers
/// and amounts that differ, names and codes of the English missing or changed in the French,
/// English words left untranslated, and a French paragraph much shorter or longer than its
/// English warrants.

import { LENGTH_RATIO } from "../calibration";
import { formatFrench, numbersIn, sameValue, type NumberMention } from "../numbers";
import { englishWordsOf, flagOf, frenchWordsOf, memo, type Rule, type Unit } from "../rule";
import {
  anchorInFrench,
  foldWord,
  hasInnerCapital,
  inSpans,
  isAllCaps,
  isCapitalized,
  isCode,
  isSentenceStart,
  LETTERS_ONLY,
  protectedSpans,
  wordsOf,
  type WordSpan,
} from "../text";
import type { CheckEnvironment, Flag } from "../types";

export const numberMismatch: Rule = {
  id: "crosslingual/number-mismatch",
  category: "accuracy/mistranslation",
  severity: "major",
  defaultOn: true,
  needsEnglish: true,
  run(unit) {
    if (!unit.en || !unit.beadHead) return unit.en && !unit.beadHead ? [] : [];
    const en = numbersIn(unit.en, "en");
    if (en.length === 0 && !/\d/u.test(unit.fr)) return [];
    // Numbers of the whole bead count as present (a bead of two French paragraphs).
    const fr = numbersIn(unit.fr, "fr");
    const frAll = unit.beadFr === unit.fr ? fr : numbersIn(unit.beadFr, "fr");
    const enLeft = en.filter((e) => !frAll.some((f) => sameValue(e, f)));
    const frLeft = fr.filter((f) => /\d/u.test(f.text) && !en.some((e) => sameValue(e, f)));
    const enDigits = enLeft.filter((e) => /\d/u.test(e.text));
    const out = [];
    // Pair what is left in order: a French number with no English counterpart beside an English
    // one with no French counterpart is one number changed.
    for (let i = 0; i < frLeft.length; i++) {
      const f = frLeft[i]!;
      const e: NumberMention | undefined = enDigits[i];
      if (e) {
        const replacement = frLeft.length === 1 && enDigits.length === 1 && e.values.length === 1 && !/\p{L}/u.test(f.text) && !/\p{L}/u.test(e.text)
          ? formatFrench(e.values[0]!)
          : undefined;
        out.push(
          flagOf(this, unit, f.start, f.end, "numberChanged", { en: e.text, fr: f.text }, {
            evidence: { en: e.text, fr: f.text },
            ...(replacement !== undefined ? { replacement } : {}),
          }),
        );
      } else {
        out.push(flagOf(this, unit, f.start, f.end, "numberAdded", { fr: f.text }, { evidence: { fr: f.text } }));
      }
    }
    for (const e of enDigits.slice(frLeft.length)) {
      const at = anchorInFrench(unit.en, e.start, unit.fr);
      out.push(flagOf(this, unit, at.start, at.end, "numberMissing", { en: e.text }, { evidence: { en: e.text } }));
    }
    return out;
  },
};

/// English capitalised words that French translates or writes in lower case: they are not
/// names to look for in the French. General vocabulary, not any document's.
const TRANSLATED_NAMES = new Set(
  (
    "I American Americans America Chinese China British Britain English French France Germany German Japan Japanese " +
    "Russia Russian Europe European Europeans India Indian Korea Korean Taiwan Taiwanese Western West Eastern East " +
    "North South Northern Southern Asia Asian Africa African Israel Israeli Iran Iranian Ukraine Ukrainian Canada " +
    "Canadian Mexico Mexican Brazil Brazilian Italy Italian Spain Spanish Netherlands Dutch Switzerland Swiss Australia " +
    "Australian Arab Arabic Christian Muslim Jewish Catholic Protestant United States Kingdom Nations Union Republic " +
    "Congress Senate House Parliament Government Administration Department Ministry Commission Council Court " +
    "President Prime Minister Secretary General Chairman CEO Dr Mr Mrs Ms Professor " +
    "January February March April May June July August September October November December " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Internet Web Earth Moon Sun God Bible Valley Street " +
    "Act Law Bill Treaty Agreement Strategy Policy Plan Initiative Office Agency Institute University Center Centre " +
    "Foundation Group Company Corporation Inc Ltd Party Army Navy Force Forces War World Cold Global Summit Forum " +
    "Report Program Programme Project Bureau Committee Board Fund Bank Reserve Federal National International " +
    "Although However Meanwhile Moreover Furthermore Instead Indeed Yet Still Then Thus Therefore While When Where " +
    "What Who Why How If As At By For From In Into On Of To With Without The A An This That These Those It Its " +
    "They Their We Our You Your He His She Her But And Or Not No So Such Some Many Most Both Each Every All Any " +
    "Chancellor King Queen Prince Princess Pope Governor Mayor Senator Judge Justice Colonel Captain Sir Lord Lady " +
    "Saint St Premier Vice Chief Executive Director Minister Ambassador Representative Speaker Leader " +
    "Health Organization Organisation Central Trade Security Defense Defence Energy State States Affairs Finance " +
    "Treasury Education Development Research Science Technology Communications Economic Social Human Rights " +
    "Nuclear Atomic Monetary Supreme High Federal Reserve Commerce Justice Labor Labour Interior Foreign Home " +
    "Office Authority Service Services Council Assembly Conference Court Tribunal Police Guard Coast Air Sea " +
    "Island Islands Ocean Atlantic Pacific Mediterranean Middle Far Near Gulf Sea River Mountain Mountains Lake " +
    "City Town County Province Region Kingdom Empire Peninsula Strait Canal Bay White " +
    // Places and peoples whose French names share few letters with the English ones.
    "England Poland Polish Beijing Peking Brussels Warsaw Hague Sweden Swedish Norway Norwegian Hungary Hungarian " +
    "Austria Austrian Turkey Turkish Lebanon Lebanese Iraq Iraqi Morocco Moroccan Scotland Scottish Wales Welsh " +
    "Cyprus Belarus Kyiv Cairo Mecca Edinburgh Antwerp Ghent Aachen Mainz Danish Finnish Greek Egyptian Saudi " +
    "Syrian Pakistani Afghan Vietnamese Thai Indonesian Filipino Nigerian Kenyan Ethiopian Argentine Chilean " +
    "Peruvian Colombian Venezuelan Cuban Irish Belgian Portuguese Czech Slovak Romanian Bulgarian Serbian " +
    "Croatian Latin Hispanic Latino Persian Kurdish Hindu Buddhist Sunni Shiite Catholics Protestants"
  ).split(" "),
);

/// A name of the English paragraph: capitalised words in a row (not only at a sentence start),
/// a word with an inner capital ("OpenAI"), or a code ("A100").
interface EnglishName {
  text: string;
  words: string[];
  start: number;
  end: number;
  kind: "name" | "code";
}

function englishNames(en: string, words: readonly WordSpan[]): EnglishName[] {
  const out: EnglishName[] = [];
  let run: WordSpan[] = [];
  const flush = () => {
    if (run.length > 0) {
      const names = run.map((w) => w.text.replace(/['’]s$/u, ""));
      out.push({ text: names.join(" "), words: names, start: run[0]!.start, end: run.at(-1)!.end, kind: "name" });
    }
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const bare = w.text.replace(/['’]s$/u, "");
    if (isCode(bare) && /\p{Lu}/u.test(bare)) {
      flush();
      out.push({ text: bare, words: [bare], start: w.start, end: w.start + bare.length, kind: "code" });
      continue;
    }
    const nameLike =
      LETTERS_ONLY.test(bare) &&
      !bare.includes("-") &&
      (hasInnerCapital(bare) || (isCapitalized(bare) && bare.length > 1)) &&
      !TRANSLATED_NAMES.has(bare) &&
      !(bare.endsWith("s") && TRANSLATED_NAMES.has(bare.slice(0, -1)));
    const previous = run.at(-1);
    // Words of one name follow each other with a single space, and no possessive comes between.
    const joined = previous !== undefined && /^[ \u00a0]$/u.test(en.slice(previous.end, w.start)) && !/['’]s$/u.test(previous.text);
    if (!nameLike) {
      flush();
      continue;
    }
    if (!joined) flush();
    run.push(w);
  }
  flush();
  // A single capitalised word at a sentence start is an ordinary word.
  return out.filter((n) => n.kind === "code" || n.words.length > 1 || hasInnerCapital(n.text) || (n.start !== 0 && !isSentenceStart(en, n.start)));
}

/// Similarity of two folded words by shared letter pairs (Dice): "irlande"/"ireland" 0.67,
/// "londres"/"london" 0.55, "google"/"alphabet" 0.
function pairSimilarity(a: string, b: string): number {
  const pairs = (w: string) => Array.from({ length: Math.max(0, w.length - 1) }, (_, i) => w.slice(i, i + 2));
  const pa = pairs(a);
  const pb = pairs(b);
  if (pa.length === 0 || pb.length === 0) return a === b ? 1 : 0;
  const left = [...pb];
  let common = 0;
  for (const p of pa) {
    const k = left.indexOf(p);
    if (k >= 0) {
      common++;
      left.splice(k, 1);
    }
  }
  return (2 * common) / (pa.length + pb.length);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/// Whether `text` holds `word` standing alone ("GPT-5" in "lancer GPT-5 cette année").
function holdsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if ((before === undefined || !WORD_CHAR.test(before)) && (after === undefined || !WORD_CHAR.test(after))) return true;
  }
  return false;
}

interface FrenchWord extends WordSpan {
  folded: string;
}

/// Words split at elisions and hyphens ("d'OpenAI" holds "OpenAI"), folded.
function splitWords(words: readonly WordSpan[]): FrenchWord[] {
  const out: FrenchWord[] = [];
  for (const w of words) {
    if (!/['’\-‐]/u.test(w.text)) {
      out.push({ ...w, folded: foldWord(w.text) });
      continue;
    }
    for (const m of w.text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
      out.push({ text: m[0], start: w.start + m.index, end: w.start + m.index + m[0].length, folded: foldWord(m[0]) });
    }
  }
  return out;
}

function frenchWords(unit: Unit): FrenchWord[] {
  return memo(unit, "frenchWords", () => splitWords(frenchWordsOf(unit)));
}

/// The folded words of the bead's whole French (the paragraph's own, for a one-paragraph bead).
function beadWords(unit: Unit): FrenchWord[] {
  return memo(unit, "beadWords", () => (unit.beadFr === unit.fr ? frenchWords(unit) : splitWords(wordsOf(unit.beadFr))));
}

/// Whether two words are the same name, allowing French inflection ("Chine"/"China" are not).
function sameStem(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length, 5);
  return n >= 4 ? a.slice(0, n) === b.slice(0, n) : a === b;
}

interface NameFinding {
  kind: "case" | "missing" | "garbled";
  name: EnglishName;
  start: number;
  end: number;
  found?: string;
}

function nameFindings(unit: Unit, env: CheckEnvironment): NameFinding[] {
  return memo(unit, "names", () => {
    if (!unit.en) return [];
    const names = englishNames(unit.en, englishWordsOf(unit));
    if (names.length === 0) return [];
    const fr = frenchWords(unit);
    const bead = beadWords(unit);
    const beadFolded = new Set(bead.map((w) => w.folded));
    // Capitalised French words: where a name French writes its own way would be.
    const beadNames = [...new Set(bead.filter((w) => /^\p{Lu}/u.test(w.text)).map((w) => w.folded))];
    const findings: NameFinding[] = [];
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name.text)) continue;
      seen.add(name.text);
      if (name.words.length === 1) {
        const word = name.words[0]!;
        if (holdsWord(unit.beadFr, word)) continue;
        const folded = foldWord(word);
        if (name.kind === "code") {
          if (!beadFolded.has(folded) && !holdsWord(memo(unit, "beadFolded", () => foldWord(unit.beadFr)), folded)) {
            findings.push({ kind: "missing", name, ...anchorInFrench(unit.en, name.start, unit.fr) });
          }
          continue;
        }
        const lower = word.toLowerCase();
        const sameLetters = fr.filter((w) => w.text.toLowerCase() === lower);
        const miscased = sameLetters.find((w) => /\p{Lu}/u.test(w.text) || hasInnerCapital(word));
        if (miscased) {
          // "NVIDIA" for "Nvidia" is a house style, not an error; "Openai" for "OpenAI" is.
          if (isAllCaps(miscased.text) || (isAllCaps(word) && isCapitalized(miscased.text))) continue;
          findings.push({ kind: "case", name, start: miscased.start, end: miscased.end, found: miscased.text });
          continue;
        }
        if (sameLetters.length > 0 || beadFolded.has(folded)) continue;
        // A name French writes its own way ("Londres", "Irlande", "Séoul") is still there.
        if (beadNames.some((w) => sameStem(w, folded) || pairSimilarity(w, folded) >= 0.5)) continue;
        if (env.glossary && glossaryKnows(env, word)) continue;
        findings.push({ kind: "missing", name, ...anchorInFrench(unit.en, name.start, unit.fr) });
        continue;
      }
      // A name of several words: all there in order ("Miles Brundage"), or scattered
      // ("Brundage de miles"), or missing.
      const text = unit.fr;
      if (text.includes(name.text)) continue;
      const positions = name.words.map((word) => fr.filter((w) => w.folded === foldWord(word)));
      const present = positions.filter((p) => p.length > 0).length;
      if (present === 0) {
        if (name.words.every((w) => beadFolded.has(foldWord(w)))) continue;
        // Translated institutions ("Biden administration") keep at least one word; a name
        // of which no word is in the French is reported only if it is not generic.
        const at = anchorInFrench(unit.en, name.start, unit.fr);
        findings.push({ kind: "missing", name, ...at });
        continue;
      }
      if (present < name.words.length) {
        // Some words of a person's or product's name missing: report only names whose words
        // are all name-like (the partial ones are often titles: "Biden administration").
        continue;
      }
      // Every word there: in order and right case is fine (spacing aside), else garbled.
      const spans = positions.map((p) => p[0]!);
      const start = Math.min(...spans.map((s) => s.start));
      const end = Math.max(...spans.map((s) => s.end));
      const inOrder = spans.every((s, i) => i === 0 || s.start > spans[i - 1]!.start);
      const rightCase = spans.every((s, i) => s.text === name.words[i]);
      if (inOrder && rightCase) continue;
      if (end - start > name.text.length + 12) continue;
      findings.push({ kind: inOrder ? "case" : "garbled", name, start, end, found: text.slice(start, end) });
    }
    return findings;
  });
}

const GLOSSARY_NAMES = new WeakMap<object, Set<string>>();

/// Whether a word is a word of some glossary term (folded), in either language.
function glossaryKnows(env: CheckEnvironment, word: string): boolean {
  const glossary = env.glossary!;
  let words = GLOSSARY_NAMES.get(glossary);
  if (!words) {
    words = new Set();
    for (const entry of glossary.entries.values()) {
      for (const lang of ["fr", "en"] as const) {
        for (const t of entry.langs[lang]?.terms ?? []) for (const w of wordsOf(t.text)) words.add(foldWord(w.text));
      }
    }
    GLOSSARY_NAMES.set(glossary, words);
  }
  return words.has(foldWord(word));
}

/// A rule over the name findings of one kind whose fix is the English name.
function nameRule(id: string, kind: "case" | "garbled", category: string, severity: Flag["severity"], message: string): Rule {
  return {
    id,
    category,
    severity,
    defaultOn: true,
    needsEnglish: true,
    run(unit, env) {
      return nameFindings(unit, env)
        .filter((f) => f.kind === kind)
        .map((f) =>
          flagOf(this, unit, f.start, f.end, message, { en: f.name.text, fr: f.found! }, {
            replacement: f.name.text,
            evidence: { en: f.name.text, fr: f.found! },
          }),
        );
    },
  };
}

export const nameCase = nameRule("crosslingual/name-case", "case", "fluency/spelling", "minor", "nameCase");
export const nameGarbled = nameRule("crosslingual/name-garbled", "garbled", "accuracy/mistranslation", "major", "nameGarbled");

export const nameMissing: Rule = {
  id: "crosslingual/name-missing",
  category: "accuracy/omission",
  severity: "major",
  defaultOn: true,
  needsEnglish: true,
  run(unit, env) {
    return nameFindings(unit, env)
      .filter((f) => f.kind === "missing")
      .map((f) => flagOf(this, unit, f.start, f.end, "nameMissing", { en: f.name.text }, { evidence: { en: f.name.text } }));
  },
};

/// English words that are never French words: the untranslated rule knows them without a
/// speller. (Words shared by both languages — "transition", "minute" — are not here.)
const ENGLISH_ONLY = new Set(
  ("the and of with which that this these those from into about would could should their there they have has been " +
    "being were was will what when where while who whom whose why how however although because also only just than " +
    "then though through without within between against during before after above below under over such some many " +
    "most other another each every both either neither much more less few several any our your his her its them we " +
    "you it is are be do does did done not no yes can may might must shall").split(" "),
);

export const untranslated: Rule = {
  id: "crosslingual/untranslated",
  category: "accuracy/untranslated",
  severity: "major",
  defaultOn: true,
  needsEnglish: true,
  run(unit, env) {
    if (!unit.en) return [];
    const enWords = memo(unit, "lowerEnglish", () => lowerCaseEnglishWords(englishWordsOf(unit)));
    const out = [];
    const hits = untranslatedWords(unit, env, enWords);
    // Adjacent words make one span ("supply chain").
    for (let i = 0; i < hits.length; i++) {
      let j = i;
      // Words run on across a space, or across a short English word ("which aims to slow").
      while (j + 1 < hits.length && joins(unit.fr.slice(hits[j]!.end, hits[j + 1]!.start), enWords)) j++;
      const start = hits[i]!.start;
      const end = hits[j]!.end;
      const words = unit.fr.slice(start, end);
      out.push(flagOf(this, unit, start, end, "untranslated", { words }, { evidence: { en: words } }));
      i = j;
    }
    return out;
  },
};

function joins(gap: string, enWords: ReadonlySet<string>): boolean {
  if (/^[ \u00a0-]$/u.test(gap)) return true;
  const short = /^[ \u00a0](\p{Ll}{1,2})[ \u00a0]$/u.exec(gap);
  return short !== null && enWords.has(short[1]!);
}

/// The words the English writes in lower case (names, written with capitals, are not
/// untranslated words when the French keeps them).
export function lowerCaseEnglishWords(words: readonly WordSpan[]): Set<string> {
  return new Set(words.map((w) => w.text.replace(/['’]s$/u, "")).filter((w) => !/\p{Lu}/u.test(w)));
}

/// French words that are English words of the aligned paragraph and not French words.
export function untranslatedWords(unit: Unit, env: CheckEnvironment, enWords: ReadonlySet<string>): WordSpan[] {
  return memo(unit, "untranslated", () => {
    const out: WordSpan[] = [];
    const skip = protectedSpans(unit.fr);
    for (const w of frenchWordsOf(unit)) {
      const lower = w.text.toLowerCase();
      if (lower.length < 3 || !enWords.has(lower) || !LETTERS_ONLY.test(w.text)) continue;
      if (inSpans(skip, w.start, w.end)) continue;
      if (/\p{Lu}/u.test(w.text) && !(isCapitalized(w.text) && isSentenceStart(unit.fr, w.start))) continue;
      if (/['’]/u.test(w.text)) continue;
      const known = env.speller?.isKnown(w.text);
      if (known === true) continue;
      if (known === undefined && !ENGLISH_ONLY.has(lower)) continue;
      out.push(w);
    }
    return out;
  });
}

export const lengthRatio: Rule = {
  id: "crosslingual/length-ratio",
  category: "accuracy/omission",
  severity: "major",
  defaultOn: true,
  needsEnglish: true,
  run(unit) {
    if (unit.en === undefined || !unit.beadHead) return [];
    const enLength = unit.en.length;
    const frLength = unit.beadFr.length;
    if (enLength < LENGTH_RATIO.minChars && frLength < LENGTH_RATIO.minChars) return [];
    const ratio = frLength / Math.max(1, enLength);
    const log = Math.log(ratio);
    // The spread of the log ratio shrinks with length (more words, less noise).
    const spread = LENGTH_RATIO.k * LENGTH_RATIO.sigma * Math.sqrt(LENGTH_RATIO.referenceChars / Math.max(enLength, LENGTH_RATIO.minChars));
    const low = LENGTH_RATIO.meanLog - spread;
    const high = LENGTH_RATIO.meanLog + spread;
    if (log >= low && log <= high) return [];
    const shorter = log < low;
    const expected = Math.round(enLength * Math.exp(LENGTH_RATIO.meanLog));
    return [
      {
        ...flagOf(this, unit, 0, unit.fr.length, shorter ? "tooShort" : "tooLong", { fr: frLength, en: enLength, expected }, {
          evidence: { en: `${enLength}`, fr: `${frLength}` },
        }),
        category: shorter ? "accuracy/omission" : "accuracy/addition",
      },
    ];
  },
};

export const crosslingualRules: readonly Rule[] = [numberMismatch, nameCase, nameGarbled, nameMissing, untranslated, lengthRatio];
