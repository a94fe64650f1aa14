/// Glossary consistency of an aligned pair of paragraphs (French and its English rendering):
/// the terminology flags the checks feature and the `check` command report.
///
/// Rules (all in the MQM category `terminology`):
/// - `glossary/deprecated-term` (major): a deprecated term is used. The replacement is the
///   entry's recommended term in that language — preferred before admitted, and a term of the
///   same type first (an abbreviation for an abbreviation: French "AI" → "IA"), put in the number
///   and initial capitals of the words it replaces ("Jetons" → "Puces").
/// - `glossary/admitted-variant` (minor): an admitted term is used where the entry has a
///   preferred one of the same type. Abbreviations, acronyms, short and full forms that differ in
///   type from the preferred term are legitimate designations, not variants, so "IA" is not
///   flagged against "intelligence artificielle" (terms without a type are of any type).
/// - `glossary/missing-equivalent` (minor): a term is used on one side and none of its entry's
///   terms appears on the other side — not even inside a longer term — while the entry has terms
///   in that language. Reported once per entry and paragraph side, on the first occurrence.
///
/// Messages are short English sentences naming the term and entry; `params` carries the values
/// they use so that the interface can translate them by rule id.

import type { Lang, Term, TermEntry } from './model';
import { fitReplacement } from './inflect';
import { matchTerms, type TermMatch } from './match';
import type { TermIndex } from './term-index';

/// The rule ids of glossary flags.
export type GlossaryRule = 'glossary/deprecated-term' | 'glossary/admitted-variant' | 'glossary/missing-equivalent';

/// A terminology problem at a place in a paragraph (the `check` command's flag shape).
export interface GlossaryFlag {
  /// Index of the paragraph, when the caller gave one.
  paragraph?: number;
  /// The language of the paragraph the flag is in.
  lang: Lang;
  /// UTF-16 offset of the flagged words.
  start: number;
  /// UTF-16 offset just past them (exclusive).
  end: number;
  /// Which rule raised the flag.
  rule: GlossaryRule;
  /// MQM category.
  category: 'terminology';
  /// How serious it is.
  severity: 'minor' | 'major';
  /// One short English sentence.
  message: string;
  /// The values the message uses: `term` (the glossary term found), `found` (the words of the
  /// text), `entry`, and per rule `replacement`, `preferred`, `expected`, `otherLang`.
  params: Record<string, string>;
  /// Text to put in place of `start`..`end`, where the rule knows one.
  replacement?: string;
  /// Id of the glossary entry.
  entry: string;
}

/// Options of `checkGlossaryConsistency`.
export interface ConsistencyOptions {
  /// Paragraph index to put on flags: one number for both sides, or one per language.
  paragraph?: number | Partial<Record<Lang, number>>;
}

const LANG_NAMES: Record<Lang, string> = { fr: 'French', en: 'English' };
const OTHER: Record<Lang, Lang> = { fr: 'en', en: 'fr' };

function sameType(a: Term, b: Term): boolean {
  return a.termType === undefined || b.termType === undefined || a.termType === b.termType;
}

/// The term to recommend instead of `used` in `entry`: a preferred term of the same type, else an
/// admitted one of the same type, else any preferred term, else any admitted term.
export function recommendedTerm(entry: TermEntry, lang: Lang, used: Term): Term | undefined {
  const terms = (entry.langs[lang]?.terms ?? []).filter((t) => t !== used && t.text !== used.text);
  return (
    terms.find((t) => t.status === 'preferred' && sameType(t, used)) ??
    terms.find((t) => t.status === 'admitted' && sameType(t, used)) ??
    terms.find((t) => t.status === 'preferred') ??
    terms.find((t) => t.status === 'admitted')
  );
}

function termOf(entry: TermEntry, m: TermMatch): Term | undefined {
  const terms = entry.langs[m.lang]?.terms ?? [];
  return terms.find((t) => t.text === m.term && t.status === m.status) ?? terms.find((t) => t.text === m.term);
}

function paragraphFor(options: ConsistencyOptions, lang: Lang): number | undefined {
  const p = options.paragraph;
  return typeof p === 'number' ? p : p?.[lang];
}

function sideFlags(
  index: TermIndex,
  text: string,
  lang: Lang,
  matches: readonly TermMatch[],
  otherEntries: ReadonlySet<string> | undefined,
  paragraph: number | undefined,
): GlossaryFlag[] {
  const flags: GlossaryFlag[] = [];
  const missingDone = new Set<string>();
  const at = (m: TermMatch) => ({
    ...(paragraph === undefined ? {} : { paragraph }),
    lang,
    start: m.start,
    end: m.end,
    category: 'terminology' as const,
    entry: m.entry,
  });

  for (const m of matches) {
    const entry = index.entries.get(m.entry);
    if (!entry) continue;
    const used = termOf(entry, m);
    if (!used) continue;
    const found = text.slice(m.start, m.end);

    if (m.status === 'deprecated') {
      const rec = recommendedTerm(entry, lang, used);
      const replacement = rec ? fitReplacement(rec, found, lang, used) : undefined;
      flags.push({
        ...at(m),
        rule: 'glossary/deprecated-term',
        severity: 'major',
        message: replacement
          ? `Deprecated term “${used.text}” (${entry.id}): use “${replacement}”.`
          : `Deprecated term “${used.text}” (${entry.id}); the glossary has no ${LANG_NAMES[lang]} term to use instead.`,
        params: { term: used.text, found, entry: entry.id, ...(replacement ? { replacement } : {}) },
        ...(replacement ? { replacement } : {}),
      });
    } else if (m.status === 'admitted') {
      const preferred = (entry.langs[lang]?.terms ?? []).find((t) => t.status === 'preferred' && sameType(t, used));
      if (preferred && preferred.text !== used.text) {
        const replacement = fitReplacement(preferred, found, lang, used);
        flags.push({
          ...at(m),
          rule: 'glossary/admitted-variant',
          severity: 'minor',
          message: `“${used.text}” is an admitted variant (${entry.id}); the preferred term is “${preferred.text}”.`,
          params: { term: used.text, found, entry: entry.id, preferred: preferred.text, replacement },
          replacement,
        });
      }
    }

    if (otherEntries && !otherEntries.has(entry.id) && !missingDone.has(entry.id)) {
      const otherLang = OTHER[lang];
      const expected = (entry.langs[otherLang]?.terms ?? []).find((t) => t.status === 'preferred') ??
        (entry.langs[otherLang]?.terms ?? []).find((t) => t.status === 'admitted');
      if (expected) {
        missingDone.add(entry.id);
        flags.push({
          ...at(m),
          rule: 'glossary/missing-equivalent',
          severity: 'minor',
          message: `“${used.text}” (${entry.id}) has no ${LANG_NAMES[otherLang]} equivalent in the aligned paragraph; expected “${expected.text}”.`,
          params: { term: used.text, found, entry: entry.id, otherLang, expected: expected.text },
        });
      }
    }
  }
  return flags;
}

const RULE_ORDER: Record<GlossaryRule, number> = {
  'glossary/deprecated-term': 0,
  'glossary/admitted-variant': 1,
  'glossary/missing-equivalent': 2,
};

/// The terminology flags of an aligned pair of paragraphs: `fr` and its English rendering `en`
/// (omit `en` for a French paragraph with no counterpart: then only the deprecated-term and
/// admitted-variant rules run). Flags are sorted French first, then by offset and rule.
export function checkGlossaryConsistency(
  index: TermIndex,
  fr: string,
  en: string | undefined,
  options: ConsistencyOptions = {},
): GlossaryFlag[] {
  const frMatches = matchTerms(index, fr, 'fr');
  const enMatches = en === undefined ? [] : matchTerms(index, en, 'en');
  const presence = (text: string, lang: Lang): Set<string> =>
    new Set(matchTerms(index, text, lang, { all: true }).map((m) => m.entry));
  const frSide = en === undefined ? undefined : presence(en, 'en');
  const enSide = en === undefined ? undefined : presence(fr, 'fr');
  const flags = [
    ...sideFlags(index, fr, 'fr', frMatches, frSide, paragraphFor(options, 'fr')),
    ...(en === undefined ? [] : sideFlags(index, en, 'en', enMatches, enSide, paragraphFor(options, 'en'))),
  ];
  return flags.sort(
    (a, b) =>
      (a.lang === b.lang ? 0 : a.lang === 'fr' ? -1 : 1) || a.start - b.start || RULE_ORDER[a.rule] - RULE_ORDER[b.rule],
  );
}
