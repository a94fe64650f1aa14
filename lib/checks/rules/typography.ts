/// French typography, checked by hand so that it works at once and without Grammalecte: the
/// space French puts before : ; ! ? and inside « », guillemets that are unbalanced or turned the
/// wrong way, doubled words and spaces, and a capital in mid-sentence where French has none.

import { flagOf, frenchWordsOf, memo, type Rule, type Unit } from "../rule";
import { inSpans, isSentenceStart, protectedSpans } from "../text";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const SPACE = /[\s\u00a0\u202f]/u;

function protectedOf(unit: Unit) {
  return memo(unit, "protected", () => protectedSpans(unit.fr));
}

export const spaceBeforePunctuation: Rule = {
  id: "typography/space-before-punctuation",
  category: "fluency/typography",
  severity: "minor",
  defaultOn: true,
  run(unit) {
    const text = unit.fr;
    const out = [];
    const skip = protectedOf(unit);
    for (const m of text.matchAll(/[:;!?]+/gu)) {
      const at = m.index;
      const before = text[at - 1];
      if (before === undefined || SPACE.test(before) || before === "«" || /[!?.…(\[]/u.test(before)) continue;
      const after = text[at + m[0].length];
      // 10:30, 3:1, "?!" inside a word, URLs and code.
      if (m[0] === ":" && /\d/u.test(before) && after !== undefined && /\d/u.test(after)) continue;
      if (after !== undefined && /[\p{L}\p{N}/]/u.test(after) && m[0] !== ":" ) continue;
      if (inSpans(skip, at, at + 1)) continue;
      const space = m[0][0] === ":" ? NBSP : NNBSP;
      out.push(flagOf(this, unit, at, at + m[0].length, "spaceBeforePunctuation", { mark: m[0] }, { replacement: space + m[0] }));
    }
    return out;
  },
};

export const guillemetSpacing: Rule = {
  id: "typography/guillemet-spacing",
  category: "fluency/typography",
  severity: "minor",
  defaultOn: true,
  run(unit) {
    const text = unit.fr;
    const out = [];
    for (const m of text.matchAll(/«(?![\s\u00a0\u202f])(?=.)|(?<![\s\u00a0\u202f])(?<=.)»/gsu)) {
      const opening = m[0] === "«";
      // A guillemet turned the wrong way is the orientation rule's business.
      if (opening && orientation(text, m.index) !== "open") continue;
      if (!opening && orientation(text, m.index) !== "close") continue;
      out.push(
        flagOf(this, unit, m.index, m.index + 1, "guillemetSpacing", { mark: m[0] }, { replacement: opening ? `«${NBSP}` : `${NBSP}»` }),
      );
    }
    return out;
  },
};

/// Which way a guillemet at `at` works from its surroundings: a space (or the start) before it and
/// a letter after opens; a letter or punctuation before and a space (or the end) after closes.
function orientation(text: string, at: number): "open" | "close" | "unclear" {
  const before = text[at - 1];
  const after = text[at + 1];
  const spaceBefore = before === undefined || SPACE.test(before) || /[(\[—–-]/u.test(before);
  const spaceAfter = after === undefined || SPACE.test(after) || /[.,;:!?)\]…]/u.test(after);
  if (spaceBefore && !spaceAfter) return "open";
  if (spaceAfter && !spaceBefore) return "close";
  return "unclear";
}

export const unbalancedGuillemets: Rule = {
  id: "typography/unbalanced-guillemets",
  category: "fluency/punctuation",
  severity: "minor",
  defaultOn: true,
  run(unit) {
    const text = unit.fr;
    const out = [];
    let open: number | undefined;
    for (const m of text.matchAll(/[«»]/gu)) {
      const at = m.index;
      if (m[0] === "«") {
        if (open === undefined) {
          open = at;
          continue;
        }
        // A second « while one is open: the closing one written the wrong way round.
        out.push(flagOf(this, unit, at, at + 1, "guillemetMisoriented", { mark: "«", expected: "»" }, { replacement: "»" }));
        open = undefined;
      } else if (open === undefined) {
        const dir = orientation(text, at);
        if (dir === "open") {
          out.push(flagOf(this, unit, at, at + 1, "guillemetMisoriented", { mark: "»", expected: "«" }, { replacement: "«" }));
          open = at;
        } else out.push(flagOf(this, unit, at, at + 1, "guillemetUnopened", { mark: "»" }));
      } else open = undefined;
    }
    if (open !== undefined) out.push(flagOf(this, unit, open, open + 1, "guillemetUnclosed", { mark: "«" }));
    return out;
  },
};

/// Words French legitimately writes twice ("nous nous", "vous vous"; "tout tout" is rare but real).
const DOUBLE_OK = new Set(["nous", "vous", "tout", "très", "si", "bien", "fort", "là", "non", "oui", "plus"]);

export const doubledWord: Rule = {
  id: "typography/doubled-word",
  category: "fluency/grammar",
  severity: "minor",
  defaultOn: true,
  run(unit) {
    const text = unit.fr;
    const words = frenchWordsOf(unit);
    const out = [];
    for (let i = 1; i < words.length; i++) {
      const a = words[i - 1]!;
      const b = words[i]!;
      if (a.text.toLowerCase() !== b.text.toLowerCase() || /\p{N}/u.test(a.text)) continue;
      if (!/^[ \u00a0]+$/u.test(text.slice(a.end, b.start))) continue;
      if (DOUBLE_OK.has(a.text.toLowerCase())) continue;
      out.push(flagOf(this, unit, a.end, b.end, "doubledWord", { word: b.text }, { replacement: "" }));
    }
    return out;
  },
};

export const doubledSpace: Rule = {
  id: "typography/doubled-space",
  category: "fluency/typography",
  severity: "minor",
  defaultOn: true,
  run(unit) {
    const out = [];
    for (const m of unit.fr.matchAll(/(?<=\S)[ \u00a0\u202f]{2,}(?=\S)|(?<=\S) +(?=[,.](?:\s|$))/gu)) {
      const beforeComma = /[,.]/u.test(unit.fr[m.index + m[0].length] ?? "");
      if (beforeComma && /\d/u.test(unit.fr[m.index - 1] ?? "") && /\d/u.test(unit.fr[m.index + m[0].length + 1] ?? "")) continue;
      out.push(
        beforeComma
          ? flagOf(this, unit, m.index, m.index + m[0].length, "spaceBeforeComma", { mark: unit.fr[m.index + m[0].length]! }, { replacement: "" })
          : flagOf(this, unit, m.index, m.index + m[0].length, "doubledSpace", {}, { replacement: m[0].includes(NBSP) ? NBSP : " " }),
      );
    }
    return out;
  },
};

/// Words French writes in lower case where English capitalises them: function words, months,
/// days, and adjectives of nationality and language.
const FUNCTION_WORDS = new Set(
  ("le la les un une des du de au aux et ou mais donc or ni car pour par avec sans sous sur dans en vers chez entre " +
    "contre depuis pendant avant après selon malgré comme que qui quoi dont où ce cet cette ces son sa ses leur leurs " +
    "notre nos votre vos mon ma mes il elle ils elles nous vous on se ne pas plus très aussi faire être avoir est sont a ont").split(" "),
);
const LOWER_IN_FRENCH = new Set(
  ("janvier février mars avril mai juin juillet août septembre octobre novembre décembre " +
    "lundi mardi mercredi jeudi vendredi samedi dimanche").split(" "),
);
/// Nationality adjectives (and languages): lower case, except as nouns for people ("les Américains").
const NATIONALITY =
  /^(?:américain|chinois|français|anglais|allemand|japonais|russe|européen|africain|asiatique|indien|italien|espagnol|coréen|britannique|canadien|mexicain|brésilien|occidental|oriental|taïwanais|néerlandais|suisse|belge|israélien|iranien|ukrainien|australien)(?:e|es|s|ne|nes|aux|ale|ales)?$/u;
const DETERMINER =
  /(?:^|\s)(?:les|des|aux|un|une|le|la|l['’]|deux|trois|ces|cet|cette|nos|vos|leurs|ses|plusieurs|certains|de|du)\s+(?:(?:premier|première|premiers|premières|dernier|dernière|derniers|dernières|seul|seule|seuls|seules|jeune|jeunes|autres?|nombreux|nombreuses|rares|vieux|vieil|vieille|anciens?|anciennes?|nouveaux|nouvel|nouvelles?|grands?|grandes?|petits?|petites?)\s+)?$/iu;

export const midSentenceCapital: Rule = {
  id: "typography/mid-sentence-capital",
  category: "fluency/spelling",
  severity: "minor",
  defaultOn: true,
  run(unit) {
    const text = unit.fr;
    const out = [];
    for (const w of frenchWordsOf(unit)) {
      const first = w.text[0]!;
      if (first === first.toLowerCase() || w.text.slice(1) !== w.text.slice(1).toLowerCase()) continue;
      if (w.start === 0 || isSentenceStart(text, w.start)) continue;
      const lower = w.text.toLowerCase();
      const nationality = NATIONALITY.test(lower);
      if (!FUNCTION_WORDS.has(lower) && !LOWER_IN_FRENCH.has(lower) && !nationality) continue;
      // A nationality noun for people keeps its capital ("les Américains"); so does a name the
      // English also capitalises mid-sentence (handled by the names rules).
      if (nationality && DETERMINER.test(text.slice(Math.max(0, w.start - 24), w.start))) continue;
      if (FUNCTION_WORDS.has(lower) && w.text.length < 2) continue;
      // A function word inside a name keeps its capital ("Marine Le Pen", "La Poste", "Le Monde").
      if (FUNCTION_WORDS.has(lower) && /^[ \u00a0]\p{Lu}/u.test(text.slice(w.end, w.end + 2))) continue;
      if (FUNCTION_WORDS.has(lower) && /\p{Lu}\p{Ll}*[ \u00a0]$/u.test(text.slice(Math.max(0, w.start - 20), w.start))) continue;
      out.push(flagOf(this, unit, w.start, w.end, "midSentenceCapital", { word: w.text }, { replacement: lower }));
    }
    return out;
  },
};

export const typographyRules: readonly Rule[] = [
  spaceBeforePunctuation,
  guillemetSpacing,
  unbalancedGuillemets,
  doubledWord,
  doubledSpace,
  midSentenceCapital,
];
