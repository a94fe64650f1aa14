/// Glossary consistency as rules of the registry (the single code path: the reader's glossary
/// flags, lib/glossary/consistency.ts, come from `glossaryFindings` too).
///
/// - `glossary/deprecated-term` (major): a deprecated term is used; the replacement is the
///   entry's recommended term, fitted to the words it replaces.
/// - `glossary/admitted-variant` (minor): an admitted term where the entry has a preferred one of
///   the same type (an abbreviation is not a variant of a full form).
/// - `glossary/missing-equivalent` (minor): a term is used on one side and none of its entry's
///   terms is on the other — not even inside a longer term, nor as a paraphrase that keeps its
///   content words near each other ("course mondiale à l'IA" carries "course à l'IA"), nor with
///   the same stem in another part of speech ("deploying" carries "deployment").
/// A lower-case term found in capitals inside a name ("CHIPS Act" is not the term "chip") is not
/// a term occurrence at all.

import { fitReplacement } from "../../glossary/inflect";
import { matchTerms, type TermMatch } from "../../glossary/match";
import type { Lang, Term, TermEntry } from "../../glossary/model";
import { CONNECTORS } from "../../glossary/normalize";
import type { TermIndex } from "../../glossary/term-index";
import { flagOf, memo, type Rule, type Unit } from "../rule";
import { anchorInFrench, foldWord, isSentenceStart, wordsOf } from "../text";

/// The rule ids of glossary findings.
export type GlossaryRule = "glossary/deprecated-term" | "glossary/admitted-variant" | "glossary/missing-equivalent";

/// A terminology problem in one language of an aligned pair.
export interface GlossaryFinding {
  lang: Lang;
  start: number;
  end: number;
  rule: GlossaryRule;
  severity: "minor" | "major";
  entry: string;
  /// The glossary term found (`term`), the words of the text (`found`), and per rule
  /// `replacement`, `preferred`, `expected`, `otherLang`.
  params: Record<string, string>;
  replacement?: string;
}

const OTHER: Record<Lang, Lang> = { fr: "en", en: "fr" };

function sameType(a: Term, b: Term): boolean {
  return a.termType === undefined || b.termType === undefined || a.termType === b.termType;
}

/// The term to recommend instead of `used` in `entry`: a preferred term of the same type, else an
/// admitted one of the same type, else any preferred term, else any admitted term.
export function recommendedTerm(entry: TermEntry, lang: Lang, used: Term): Term | undefined {
  const terms = (entry.langs[lang]?.terms ?? []).filter((t) => t !== used && t.text !== used.text);
  return (
    terms.find((t) => t.status === "preferred" && sameType(t, used)) ??
    terms.find((t) => t.status === "admitted" && sameType(t, used)) ??
    terms.find((t) => t.status === "preferred") ??
    terms.find((t) => t.status === "admitted")
  );
}

function termOf(entry: TermEntry, m: TermMatch): Term | undefined {
  const terms = entry.langs[m.lang]?.terms ?? [];
  return terms.find((t) => t.text === m.term && t.status === m.status) ?? terms.find((t) => t.text === m.term);
}

/// Whether a match of a lower-case term is really part of a name: written in capitals
/// ("CHIPS") or capitalised mid-sentence next to another capitalised word ("Chips Act").
export function insideName(text: string, m: TermMatch): boolean {
  if (/\p{Lu}/u.test(m.term)) return false;
  const found = text.slice(m.start, m.end);
  if (!/\p{Lu}/u.test(found)) return false;
  if (found.length > 1 && found === found.toUpperCase()) return true;
  if (isSentenceStart(text, m.start) || m.start === 0) {
    const next = /^[ \u00a0]+(\p{Lu}[\p{L}]*)/u.exec(text.slice(m.end));
    return next !== null && !isSentenceStart(text, m.end + next[0].length - next[1]!.length);
  }
  const before = /(\p{Lu}[\p{L}]*)[ \u00a0]+$/u.exec(text.slice(Math.max(0, m.start - 40), m.start));
  const after = /^[ \u00a0]+\p{Lu}/u.exec(text.slice(m.end));
  return before !== null || after !== null || /^\p{Lu}/u.test(found);
}

/// Whether two words share a stem: a common prefix of at least 4 letters and 60 % of the shorter.
function stemsMeet(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  let k = 0;
  while (k < n && a[k] === b[k]) k++;
  if (k === a.length && k === b.length) return true;
  return k >= 4 && k >= Math.ceil(0.6 * n);
}

/// The content words of a term (connectors and one-letter words dropped), folded.
function contentWords(term: string, lang: Lang): string[] {
  return wordsOf(term)
    .flatMap((w) => w.text.split(/['’]/u))
    .map(foldWord)
    .filter((w) => w.length > 1 && !CONNECTORS[lang].has(w));
}

/// Whether some term of `entry` in `lang` is carried by `text` loosely: its content words all
/// there (by stem), within a window of a few words.
export function looselyPresent(entry: TermEntry, lang: Lang, textWords: readonly string[]): boolean {
  for (const term of entry.langs[lang]?.terms ?? []) {
    const content = contentWords(term.text, lang);
    if (content.length === 0) continue;
    const window = 2 * content.length + 3;
    const hits = content.map((c) => textWords.flatMap((w, i) => (stemsMeet(c, w) ? [i] : [])));
    // A long term keeps its meaning with one content word less ("graphics processors" for
    // "graphics processing unit").
    const allowedMissing = content.length >= 3 ? 1 : 0;
    const present = hits.filter((h) => h.length > 0);
    if (content.length - present.length > allowedMissing) continue;
    if (present.length === 1) return true;
    for (const i of present[0]!) {
      if (present.every((h) => h.some((j) => Math.abs(j - i) <= window))) return true;
    }
  }
  return false;
}

function foldedWords(text: string): string[] {
  return wordsOf(text).flatMap((w) => w.text.split(/['’]/u)).map(foldWord).filter(Boolean);
}

function sideFindings(
  index: TermIndex,
  text: string,
  lang: Lang,
  matches: readonly TermMatch[],
  other: { entries: ReadonlySet<string>; words: readonly string[] } | undefined,
): GlossaryFinding[] {
  const out: GlossaryFinding[] = [];
  const missingDone = new Set<string>();
  for (const m of matches) {
    const entry = index.entries.get(m.entry);
    if (!entry) continue;
    const used = termOf(entry, m);
    if (!used) continue;
    if (insideName(text, m)) continue;
    const found = text.slice(m.start, m.end);
    const at = { lang, start: m.start, end: m.end, entry: entry.id };
    if (m.status === "deprecated") {
      const rec = recommendedTerm(entry, lang, used);
      const replacement = rec ? fitReplacement(rec, found, lang, used) : undefined;
      out.push({
        ...at,
        rule: "glossary/deprecated-term",
        severity: "major",
        params: { term: used.text, found, entry: entry.id, ...(replacement ? { replacement } : {}) },
        ...(replacement ? { replacement } : {}),
      });
    } else if (m.status === "admitted") {
      const preferred = (entry.langs[lang]?.terms ?? []).find((t) => t.status === "preferred" && sameType(t, used));
      if (preferred && preferred.text !== used.text) {
        const replacement = fitReplacement(preferred, found, lang, used);
        out.push({
          ...at,
          rule: "glossary/admitted-variant",
          severity: "minor",
          params: { term: used.text, found, entry: entry.id, preferred: preferred.text, replacement },
          replacement,
        });
      }
    }
    if (other && !other.entries.has(entry.id) && !missingDone.has(entry.id)) {
      const otherLang = OTHER[lang];
      const terms = entry.langs[otherLang]?.terms ?? [];
      const expected = terms.find((t) => t.status === "preferred") ?? terms.find((t) => t.status === "admitted");
      if (expected && !looselyPresent(entry, otherLang, other.words)) {
        missingDone.add(entry.id);
        out.push({
          ...at,
          rule: "glossary/missing-equivalent",
          severity: "minor",
          params: { term: used.text, found, entry: entry.id, otherLang, expected: expected.text },
        });
      }
    }
  }
  return out;
}

/// Deprecated French terms of two content words or more, by their first content word.
const LOOSE_DEPRECATED = new WeakMap<TermIndex, Map<string, Array<{ entry: TermEntry; term: Term; content: string[] }>>>();

function singularKey(word: string): string {
  return word.length > 3 ? word.replace(/[sx]$/u, "") : word;
}

function looseDeprecated(index: TermIndex) {
  let map = LOOSE_DEPRECATED.get(index);
  if (!map) {
    map = new Map();
    for (const entry of index.entries.values()) {
      for (const term of entry.langs.fr?.terms ?? []) {
        if (term.status !== "deprecated") continue;
        const content = contentWords(term.text, "fr").map(singularKey);
        if (content.length < 2) continue;
        const list = map.get(content[0]!) ?? [];
        list.push({ entry, term, content });
        map.set(content[0]!, list);
      }
    }
    LOOSE_DEPRECATED.set(index, map);
  }
  return map;
}

/// Deprecated multiword terms with words slipped in between ("race mondiale de l'IA" for the
/// deprecated "race de l'IA"): their content words in order, each within four words of the
/// previous one. Occurrences the matcher found already are skipped; no replacement is offered.
function looseDeprecatedFindings(index: TermIndex, text: string, taken: readonly GlossaryFinding[]): GlossaryFinding[] {
  const byFirst = looseDeprecated(index);
  if (byFirst.size === 0) return [];
  const tokens = wordsOf(text).flatMap((w) => {
    const parts: Array<{ key: string; start: number; end: number }> = [];
    for (const m of w.text.matchAll(/[^'’]+/gu)) {
      parts.push({ key: singularKey(foldWord(m[0])), start: w.start + m.index, end: w.start + m.index + m[0].length });
    }
    return parts;
  });
  const out: GlossaryFinding[] = [];
  tokens.forEach((tok, i) => {
    for (const { entry, term, content } of byFirst.get(tok.key) ?? []) {
      let at = i;
      let ok = true;
      for (const word of content.slice(1)) {
        const next = tokens.slice(at + 1, at + 5).findIndex((t) => t.key === word);
        if (next < 0) {
          ok = false;
          break;
        }
        at = at + 1 + next;
      }
      if (!ok) continue;
      const start = tok.start;
      const end = tokens[at]!.end;
      if (taken.some((f) => f.start < end && start < f.end) || out.some((f) => f.start < end && start < f.end)) continue;
      out.push({
        lang: "fr",
        start,
        end,
        rule: "glossary/deprecated-term",
        severity: "major",
        entry: entry.id,
        params: { term: term.text, found: text.slice(start, end), entry: entry.id },
      });
    }
  });
  return out;
}

const RULE_ORDER: Record<GlossaryRule, number> = {
  "glossary/deprecated-term": 0,
  "glossary/admitted-variant": 1,
  "glossary/missing-equivalent": 2,
};

/// The terminology findings of an aligned pair: French `fr` and its English `en` (undefined for
/// a French paragraph with no counterpart: then only deprecated terms and admitted variants).
/// Sorted French first, then by offset and rule.
export function glossaryFindings(index: TermIndex, fr: string, en: string | undefined): GlossaryFinding[] {
  const frMatches = matchTerms(index, fr, "fr");
  const enMatches = en === undefined ? [] : matchTerms(index, en, "en");
  const presence = (text: string, lang: Lang) => {
    let words: string[] | undefined;
    return {
      entries: new Set(
        matchTerms(index, text, lang, { all: true })
          .filter((m) => !insideName(text, m))
          .map((m) => m.entry),
      ),
      // Folded only if a term's equivalent is not found as a term.
      get words() {
        return (words ??= foldedWords(text));
      },
    };
  };
  // The other side's terms are looked up only when this side has terms to look for.
  const empty = { entries: new Set<string>(), words: [] };
  const frFindings = sideFindings(index, fr, "fr", frMatches, en === undefined ? undefined : frMatches.length > 0 ? presence(en, "en") : empty);
  const findings = [
    ...frFindings,
    ...looseDeprecatedFindings(index, fr, frFindings),
    ...(en === undefined || enMatches.length === 0 ? [] : sideFindings(index, en, "en", enMatches, presence(fr, "fr"))),
  ];
  return findings.sort(
    (a, b) => (a.lang === b.lang ? 0 : a.lang === "fr" ? -1 : 1) || a.start - b.start || RULE_ORDER[a.rule] - RULE_ORDER[b.rule],
  );
}

function unitFindings(unit: Unit, index: TermIndex): GlossaryFinding[] {
  return memo(unit, "glossary", () => glossaryFindings(index, unit.fr, unit.en || undefined));
}

function glossaryRule(id: GlossaryRule, severity: "minor" | "major", message: string, defaultOn = true): Rule {
  return {
    id,
    category: "terminology",
    severity,
    // Admitted variants are acceptable by definition: correctors leave them (36 % precision).
    defaultOn,
    needsGlossary: true,
    run(unit, env) {
      if (!env.glossary) return [];
      return unitFindings(unit, env.glossary)
        // English-side deprecated terms and variants are about the English rendering, not the
        // French checked here; a term of the English missing from the French is.
        .filter((f) => f.rule === id && (f.lang === "fr" || id === "glossary/missing-equivalent"))
        .map((f) => {
          // A term of the English whose French equivalent is missing: anchored in the French
          // sentence that should carry it.
          const at = f.lang === "fr" ? f : anchorInFrench(unit.en!, f.start, unit.fr);
          const key = id === "glossary/missing-equivalent" ? (f.lang === "fr" ? "missingEquivalentEn" : "missingEquivalentFr") : message;
          return flagOf(this, unit, at.start, at.end, key, f.params, {
            entry: f.entry,
            ...(f.replacement !== undefined ? { replacement: f.replacement } : {}),
            evidence: f.lang === "fr" ? { fr: f.params.found! } : { en: f.params.found! },
          });
        });
    },
  };
}

export const glossaryRules: readonly Rule[] = [
  glossaryRule("glossary/deprecated-term", "major", "deprecatedTerm"),
  glossaryRule("glossary/admitted-variant", "minor", "admittedVariant", false),
  glossaryRule("glossary/missing-equivalent", "minor", "missingEquivalent"),
];
