/// Glossary consistency of an aligned pair of paragraphs (French and its English rendering):
/// the terminology flags the reader shows on both sides. They come from the checks registry's
/// glossary rules (lib/checks/rules/glossary.ts: one code path), with an English message.
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

import { glossaryFindings, recommendedTerm, type GlossaryRule } from '../checks/rules/glossary';
import type { Lang } from './model';
import type { TermIndex } from './term-index';

export { recommendedTerm, type GlossaryRule };

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

function paragraphFor(options: ConsistencyOptions, lang: Lang): number | undefined {
  const p = options.paragraph;
  return typeof p === 'number' ? p : p?.[lang];
}

function messageOf(rule: GlossaryRule, lang: Lang, p: Record<string, string>): string {
  if (rule === 'glossary/deprecated-term') {
    return p.replacement
      ? `Deprecated term “${p.term}” (${p.entry}): use “${p.replacement}”.`
      : `Deprecated term “${p.term}” (${p.entry}); the glossary has no ${LANG_NAMES[lang]} term to use instead.`;
  }
  if (rule === 'glossary/admitted-variant') {
    return `“${p.term}” is an admitted variant (${p.entry}); the preferred term is “${p.preferred}”.`;
  }
  return `“${p.term}” (${p.entry}) has no ${LANG_NAMES[p.otherLang as Lang]} equivalent in the aligned paragraph; expected “${p.expected}”.`;
}

/// The terminology flags of an aligned pair of paragraphs: `fr` and its English rendering `en`
/// (omit `en` for a French paragraph with no counterpart: then only the deprecated-term and
/// admitted-variant rules run). Flags are sorted French first, then by offset and rule.
export function checkGlossaryConsistency(
  index: TermIndex,
  fr: string,
  en: string | undefined,
  options: ConsistencyOptions = {},
): GlossaryFlag[] {
  return glossaryFindings(index, fr, en).map((f) => {
    const paragraph = paragraphFor(options, f.lang);
    return {
      ...(paragraph === undefined ? {} : { paragraph }),
      lang: f.lang,
      start: f.start,
      end: f.end,
      rule: f.rule,
      category: 'terminology' as const,
      severity: f.severity,
      message: messageOf(f.rule, f.lang, f.params),
      params: f.params,
      ...(f.replacement !== undefined ? { replacement: f.replacement } : {}),
      entry: f.entry,
    };
  });
}
