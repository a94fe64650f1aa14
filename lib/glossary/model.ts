/// The term model: one concept (`TermEntry`) with a section per language, each holding its
/// definition, notes and terms. This is what the glossary, the term matcher, the checks and the
/// TBX reader/writer share. Pure data, no I/O.

/// How a term may be used, after TBX `administrativeStatus`: `preferred` is the term to use,
/// `admitted` is acceptable, `deprecated` must not be used (typically an MT error to flag).
export type TermStatus = 'preferred' | 'admitted' | 'deprecated';

/// The languages a glossary entry can describe.
export type Lang = 'fr' | 'en';

/// Every status, from most to least recommended.
export const TERM_STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'deprecated'];

/// Every language, in the order files are written (French first: it is the source language).
export const LANGS: readonly Lang[] = ['fr', 'en'];

/// One designation of a concept in one language.
export interface Term {
  /// The term itself, as a terminologist enters it (lemma form), NFC.
  text: string;
  /// Whether to use it.
  status: TermStatus;
  /// TBX part of speech: `noun`, `verb`, `adjective`, `adverb`, `properNoun` or `other`.
  partOfSpeech?: string;
  /// TBX grammatical gender: `masculine`, `feminine`, `neuter` or `other`.
  gender?: string;
  /// TBX term type, e.g. `fullForm`, `abbreviation`, `acronym`, `shortForm`, `variant`.
  termType?: string;
  /// A note on this term (why it is deprecated, where it is used…).
  note?: string;
}

/// What an entry says in one language.
export interface LangSection {
  /// The definition, written in this section's language.
  definition?: string;
  /// Notes, in this section's language.
  notes: string[];
  /// The terms, in the order the glossary lists them (preferred first by convention).
  terms: Term[];
}

/// One concept of the glossary.
export interface TermEntry {
  /// Stable identifier, a kebab-case slug such as `export-controls`.
  id: string;
  /// The domain the concept belongs to (e.g. `artificial intelligence`).
  subjectField?: string;
  /// A note about the concept as a whole (written in English).
  note?: string;
  /// The language sections present.
  langs: Partial<Record<Lang, LangSection>>;
}

/// True if `value` is a known language code.
export function isLang(value: string): value is Lang {
  return value === 'fr' || value === 'en';
}

/// True if `value` is a known term status.
export function isTermStatus(value: string): value is TermStatus {
  return value === 'preferred' || value === 'admitted' || value === 'deprecated';
}

/// The terms of `entry` in `lang` (empty if the entry has no such section).
export function termsOf(entry: TermEntry, lang: Lang): Term[] {
  return entry.langs[lang]?.terms ?? [];
}

/// The term to use for `entry` in `lang`: the first preferred term, else the first admitted one,
/// else undefined (a section holding only deprecated terms has nothing to recommend).
export function preferredTerm(entry: TermEntry, lang: Lang): Term | undefined {
  const terms = termsOf(entry, lang);
  return terms.find((t) => t.status === 'preferred') ?? terms.find((t) => t.status === 'admitted');
}

/// The terms of `entry` in `lang` that must not be used.
export function deprecatedTerms(entry: TermEntry, lang: Lang): Term[] {
  return termsOf(entry, lang).filter((t) => t.status === 'deprecated');
}

/// The entry whose id is `id`, if any.
export function findEntry(entries: readonly TermEntry[], id: string): TermEntry | undefined {
  return entries.find((e) => e.id === id);
}
